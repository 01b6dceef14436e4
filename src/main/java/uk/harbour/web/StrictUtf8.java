package uk.harbour.web;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes request bodies as UTF-8, refusing bytes that are not. Vert.x and Netty decode leniently,
 * turning such bytes into U+FFFD, which would then be stored as if someone had typed it; the chat
 * socket already refuses them (close 1007).
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /** The text, or empty when the bytes are not UTF-8. */
  public static Optional<String> decode(byte[] bytes) {
    try {
      // A decoder per call: they keep state and are not thread-safe.
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  public static Optional<String> decode(Buffer body) {
    return decode(body.getBytes());
  }

  /**
   * True when an {@code application/x-www-form-urlencoded} body, once its {@code %} escapes are
   * undone, is UTF-8: both a raw byte and an escape such as {@code %FF} can break it. A broken
   * escape is left as it is here; the form decoder refuses it.
   */
  public static boolean formDecodes(Buffer body) {
    byte[] raw = body.getBytes();
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      int high = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
      int low = high >= 0 ? Character.digit(raw[i + 2], 16) : -1;
      if (low >= 0) {
        decoded.write(high * 16 + low);
        i += 2;
      } else {
        decoded.write(raw[i]);
      }
    }
    return decode(decoded.toByteArray()).isPresent();
  }
}
