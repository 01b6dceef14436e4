package uk.harbour.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends exact bytes over a plain socket, for requests no HTTP client would send: broken {@code %}
 * escapes, malformed chunks, bodies cut short. Blocking: call it from a test thread only.
 */
public final class RawHttp {

  /** What came back: status 0 and an empty head when the server closed without answering. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean answered() {
      return status > 0;
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** A GET of this exact request target, closing the connection after the answer. */
  public Answer get(String target, String... headerLines) {
    return request("GET", target, headerLines);
  }

  public Answer request(String method, String target, String... headerLines) {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String line : headerLines) {
      head.append(line).append("\r\n");
    }
    return send(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends the bytes and reads until the server closes the connection (or 5 s pass). */
  public Answer send(byte[] bytes) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the bytes, waits a moment and hangs up without reading: a client that gave up. */
  public void sendAndHangUp(byte[] bytes) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      Thread.sleep(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // A keep-alive answer or a reset: keep what arrived.
    }
    return out.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    // ISO-8859-1 keeps one char per byte, so chunk sizes can be counted in chars before decoding.
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    String utf8 = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, utf8);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
