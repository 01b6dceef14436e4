package uk.harbour.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A WebSocket client written by hand on a plain {@link Socket}, for frames no well-behaved client
 * library would send: any RSV bits, compressed or not. Blocking; tests only.
 */
public final class RawWebSocket implements AutoCloseable {

  /** A frame as received: its first byte's flags, opcode and (inflated, if RSV1) payload. */
  public record Frame(boolean rsv1, int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    public int closeCode() {
      return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String extensions;
  private final Random random = new Random(7);
  private final Inflater inflater = new Inflater(true);

  private RawWebSocket(Socket socket, String extensions) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.extensions = extensions;
  }

  /**
   * Upgrades {@code /ws} with the session's cookies; {@code offer} is the Sec-WebSocket-Extensions
   * header to send, or null for none. Fails unless the server answers 101.
   */
  public static RawWebSocket connect(RunningHarbour harbour, TestSession session, String offer) {
    try {
      Socket socket = new Socket("127.0.0.1", harbour.port());
      socket.setSoTimeout(10_000);
      StringBuilder cookies = new StringBuilder();
      session.client().cookieStore().get(false, "127.0.0.1", "/ws").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
      String request =
          "GET /ws HTTP/1.1\r\n"
              + "Host: 127.0.0.1:" + harbour.port() + "\r\n"
              + "Upgrade: websocket\r\n"
              + "Connection: Upgrade\r\n"
              + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString("harbour-raw-key!".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + "Origin: " + harbour.baseUrl() + "\r\n"
              + "Cookie: " + cookies + "\r\n"
              + (offer == null ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());
      if (!head.startsWith("HTTP/1.1 101")) {
        socket.close();
        throw new IllegalStateException("upgrade refused: " + head);
      }
      String accepted = head.lines()
          .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("");
      return new RawWebSocket(socket, accepted);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the upgrade");
      }
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
  }

  /** The extensions the server accepted, e.g. "permessage-deflate", or "" for none. */
  public String extensions() {
    return extensions;
  }

  /** Sends one final text frame, masked as a client must, with RSV1 set or not, payload as given. */
  public void sendText(byte[] payload, boolean rsv1) {
    sendRsv(payload, rsv1 ? 0x40 : 0);
  }

  /** Sends one final masked text frame with these reserved bits (0x40 RSV1, 0x20 RSV2, 0x10 RSV3). */
  public void sendRsv(byte[] payload, int rsvBits) {
    try {
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x80 | (rsvBits & 0x70) | 0x1);
      if (payload.length < 126) {
        frame.write(0x80 | payload.length);
      } else {
        frame.write(0x80 | 126);
        frame.write(payload.length >>> 8);
        frame.write(payload.length & 0xff);
      }
      byte[] mask = new byte[4];
      random.nextBytes(mask);
      frame.write(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.write(payload[i] ^ mask[i % 4]);
      }
      out.write(frame.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void sendText(String text, boolean rsv1) {
    sendText(text.getBytes(StandardCharsets.UTF_8), rsv1);
  }

  /** Sends text as permessage-deflate: compressed, the 00 00 ff ff tail removed, RSV1 set. */
  public void sendCompressed(String text) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[text.length() * 2 + 64];
    int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
    deflater.end();
    sendText(Arrays.copyOf(buffer, length - DEFLATE_TAIL.length), true);
  }

  /** The next frame, or null once the server has closed the TCP connection. */
  public Frame next() {
    try {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      boolean rsv1 = (first & 0x40) != 0;
      return new Frame(rsv1, first & 0x0f, rsv1 ? inflate(payload) : payload);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame within 10 s");
    } catch (IOException e) {
      return null;
    }
  }

  /** The next text frame, skipping pings and other frames; null if the connection ends first. */
  public Frame nextText() {
    Frame frame;
    do {
      frame = next();
    } while (frame != null && frame.opcode() != 0x1 && frame.opcode() != 0x8);
    return frame;
  }

  private byte[] inflate(byte[] compressed) {
    try {
      byte[] input = Arrays.copyOf(compressed, compressed.length + DEFLATE_TAIL.length);
      System.arraycopy(DEFLATE_TAIL, 0, input, compressed.length, DEFLATE_TAIL.length);
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = inflater.inflate(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed by the server: nothing to release.
    }
    inflater.end();
  }
}
