package uk.harbour.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads JSON exactly as RFC 8259 writes it, for every body and frame Harbour receives. Vert.x's own
 * decoder allows comments and keeps the last of two equal keys; this one refuses comments, single
 * quotes, unquoted names, trailing commas, NaN and Infinity, leading zeros, duplicate keys and
 * anything after the value. Whole numbers stay Integer, Long or BigInteger and every number with a
 * fraction or exponent becomes a BigDecimal, so {@link JsonInput} can tell {@code 3} from {@code
 * 3.0} and {@code 1e400} is never rounded to infinity.
 */
public final class StrictJson {

  /** The text is not one strict JSON value. The message is ours, never the parser's. */
  public static final class Invalid extends RuntimeException {
    Invalid() {
      super("not strict JSON", null, false, false);
    }
  }

  // Jackson's defaults are the strict ones; only duplicate detection has to be switched on.
  private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final int MAX_DEPTH = 64;
  private static final int MAX_EXPONENT = 1000;

  private StrictJson() {}

  /** JsonObject, JsonArray, String, Boolean, a Number or null; {@link Invalid} otherwise. */
  public static Object parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new Invalid();
      }
      Object value = value(parser, 0);
      if (parser.nextToken() != null) {
        throw new Invalid();
      }
      return value;
    } catch (IOException | RuntimeException e) {
      // Jackson reports bad numbers (a 2,000-digit exponent) as NumberFormatException, not IOException.
      throw e instanceof Invalid invalid ? invalid : new Invalid();
    }
  }

  private static Object value(JsonParser parser, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new Invalid();
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(parser, depth);
      case START_ARRAY -> array(parser, depth);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> decimal(parser.getDecimalValue());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new Invalid();
    };
  }

  /**
   * A number like {@code 1e999999999} is harmless until someone asks for its {@code longValue()},
   * which would build a billion-digit integer on the event loop: such exponents are not read.
   */
  private static BigDecimal decimal(BigDecimal value) {
    if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
      throw new Invalid();
    }
    return value;
  }

  private static JsonObject object(JsonParser parser, int depth) throws IOException {
    JsonObject object = new JsonObject();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      object.put(name, value(parser, depth + 1));
    }
    return object;
  }

  private static JsonArray array(JsonParser parser, int depth) throws IOException {
    JsonArray array = new JsonArray();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(parser, depth + 1));
    }
    return array;
  }
}
