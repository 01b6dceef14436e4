package uk.harbour.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a hostile JSON body into checked values: an object only, known fields only, no keys that
 * MongoDB would treat as operators or paths, strings within their limits. Every problem is a 400
 * with a stable code naming the field.
 */
public final class JsonInput {

  private final JsonObject json;

  private JsonInput(JsonObject json) {
    this.json = json;
  }

  /** Reads the request body; it must be a JSON object sent as application/json. */
  public static JsonInput body(RoutingContext ctx, String... allowedFields) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new HarbourException(415, "unsupported_media_type", "Send JSON with Content-Type application/json.");
    }
    return of(ctx.body().buffer() == null ? "" : ctx.body().asString(), allowedFields);
  }

  public static JsonInput of(String text, String... allowedFields) {
    Object parsed;
    try {
      parsed = text == null || text.isBlank() ? null : io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw HarbourException.badRequest("bad_json", "The request body is not valid JSON.");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw HarbourException.badRequest("bad_json", "The request body must be a JSON object.");
    }
    return of(object, allowedFields);
  }

  public static JsonInput of(JsonObject object, String... allowedFields) {
    rejectUnsafeKeys(object, "");
    Set<String> allowed = Set.of(allowedFields);
    for (String field : object.fieldNames()) {
      if (!allowed.contains(field)) {
        throw HarbourException.badRequest("unknown_field", "Unknown field '" + field + "'.");
      }
    }
    return new JsonInput(object);
  }

  /** Keys starting with $ or containing . would be operators or paths to MongoDB: never accepted. */
  static void rejectUnsafeKeys(Object value, String path) {
    if (value instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        if (key.startsWith("$") || key.contains(".") || key.indexOf('\0') >= 0) {
          throw HarbourException.badRequest("bad_key", "Field names may not start with '$' or contain '.'.");
        }
        rejectUnsafeKeys(object.getValue(key), path + key + ".");
      }
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        rejectUnsafeKeys(item, path);
      }
    }
  }

  public String requiredString(String field, int maxLength) {
    return optionalString(field, maxLength)
        .orElseThrow(() -> HarbourException.badRequest("missing_field", "'" + field + "' is required."));
  }

  public Optional<String> optionalString(String field, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be text.");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.length() > maxLength) {
      throw HarbourException.badRequest("too_long", "'" + field + "' must be at most " + maxLength + " characters.");
    }
    if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
      throw HarbourException.badRequest("bad_characters", "'" + field + "' contains characters that are not allowed.");
    }
    return Optional.of(trimmed);
  }

  /** A secret is taken exactly as typed: never trimmed, never logged. */
  public String requiredSecret(String field, int maxLength) {
    Object value = json.getValue(field);
    if (value == null || (value instanceof String text && text.isEmpty())) {
      throw HarbourException.badRequest("missing_field", "'" + field + "' is required.");
    }
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be text.");
    }
    if (text.length() > maxLength) {
      throw HarbourException.badRequest("too_long", "'" + field + "' must be at most " + maxLength + " characters.");
    }
    return text;
  }

  public Optional<Boolean> optionalBoolean(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean bool)) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be true or false.");
    }
    return Optional.of(bool);
  }

  public Optional<Long> optionalLong(String field, long min, long max) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be a whole number.");
    }
    long result = number.longValue();
    if (result < min || result > max) {
      throw HarbourException.badRequest("out_of_range", "'" + field + "' must be between " + min + " and " + max + ".");
    }
    return Optional.of(result);
  }

  public JsonObject raw() {
    return json;
  }
}
