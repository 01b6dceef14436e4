package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.harbour.web.HarbourException;

/**
 * Reads one JSON object field by field, refusing anything unexpected. Codes match the web layer's
 * strict input: bad_key, unknown_field, missing_field, wrong_type, out_of_range; plus bad_time.
 */
final class StrictJson {

  private static final int MAX_TEXT = 64;

  private final JsonObject json;
  private final String where;

  private StrictJson(JsonObject json, String where) {
    this.json = json;
    this.where = where;
  }

  /** @param where how an error names this object, e.g. "templates[2]" */
  static StrictJson of(Object value, String where, Set<String> allowed) {
    if (!(value instanceof JsonObject object)) {
      throw HarbourException.badRequest("wrong_type", "'" + where + "' must be an object.");
    }
    for (String key : object.fieldNames()) {
      if (key.startsWith("$") || key.contains(".") || key.indexOf('\0') >= 0) {
        throw HarbourException.badRequest("bad_key",
            "Field names may not start with '$' or contain '.' (in '" + where + "').");
      }
      if (!allowed.contains(key)) {
        throw HarbourException.badRequest("unknown_field",
            "Unknown field '" + key + "' in '" + where + "'.");
      }
    }
    return new StrictJson(object, where);
  }

  String name(String field) {
    return where.isEmpty() ? field : where + "." + field;
  }

  boolean has(String field) {
    return json.getValue(field) != null;
  }

  String string(String field) {
    return optionalString(field).orElseThrow(() -> missing(field));
  }

  Optional<String> optionalString(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw wrongType(field, "text");
    }
    if (text.length() > MAX_TEXT) {
      throw HarbourException.badRequest("too_long",
          "'" + name(field) + "' must be at most " + MAX_TEXT + " characters.");
    }
    return Optional.of(text);
  }

  int integer(String field, int min, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      throw missing(field);
    }
    // Integer, Long, Short or Byte only: 2.5 or "3" is a mistake, not a number to round.
    if (!(value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte)) {
      throw wrongType(field, "a whole number");
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      throw HarbourException.badRequest("out_of_range",
          "'" + name(field) + "' must be between " + min + " and " + max + ".");
    }
    return (int) number;
  }

  JsonArray array(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw missing(field);
    }
    if (!(value instanceof JsonArray array)) {
      throw wrongType(field, "a list");
    }
    return array;
  }

  Object value(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  LocalTime time(String field) {
    String text = string(field);
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw badTime(field, "a time like 17:00");
    }
  }

  LocalDateTime dateTime(String field) {
    String text = string(field);
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw badTime(field, "a local date and time like 2026-12-24T17:00");
    }
  }

  LocalDate date(String field) {
    String text = string(field);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw badTime(field, "a date like 2026-12-25");
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return enumFrom(string(field), name(field), type);
  }

  static <E extends Enum<E>> E enumFrom(Object value, String name, Class<E> type) {
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + name + "' must be text.");
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text.toUpperCase(Locale.ROOT))) {
        return constant;
      }
    }
    throw HarbourException.badRequest("bad_value", "'" + name + "' must be one of "
        + java.util.Arrays.toString(type.getEnumConstants()) + ".");
  }

  private HarbourException missing(String field) {
    return HarbourException.badRequest("missing_field", "'" + name(field) + "' is required.");
  }

  private HarbourException wrongType(String field, String expected) {
    return HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be " + expected + ".");
  }

  private HarbourException badTime(String field, String expected) {
    return HarbourException.badRequest("bad_time", "'" + name(field) + "' must be " + expected + ".");
  }
}
