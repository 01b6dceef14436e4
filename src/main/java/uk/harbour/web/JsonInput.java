package uk.harbour.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a hostile JSON body into checked values: an object only, known fields only, no keys that
 * MongoDB would treat as operators or paths, strings within their limits. Every problem is a 400
 * with a stable code naming the field. Nested objects ({@link #object}) are read the same way and
 * their errors say where they are, e.g. {@code 'templates[2].start'}.
 */
public final class JsonInput {

  private final JsonObject json;
  /** Where this object sits in the body, for error messages; empty for the body itself. */
  private final String where;

  private JsonInput(JsonObject json, String where) {
    this.json = json;
    this.where = where;
  }

  /** Reads the request body; it must be a JSON object sent as application/json. */
  public static JsonInput body(RoutingContext ctx, String... allowedFields) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new HarbourException(415, "unsupported_media_type", "Send JSON with Content-Type application/json.");
    }
    if (ctx.body().buffer() == null) {
      return of("", allowedFields);
    }
    // RFC 8259 JSON between systems is UTF-8: other bytes are refused, not read as U+FFFD.
    String text = StrictUtf8.decode(ctx.body().buffer())
        .orElseThrow(() -> HarbourException.badRequest("bad_json", "The request body is not valid UTF-8 text."));
    return of(text, allowedFields);
  }

  /** Parses strictly ({@link StrictJson}): one JSON object, nothing before or after it. */
  public static JsonInput of(String text, String... allowedFields) {
    Object parsed;
    try {
      parsed = text == null || text.isBlank() ? null : StrictJson.parse(text);
    } catch (StrictJson.Invalid e) {
      throw HarbourException.badRequest("bad_json", "The request body is not valid JSON (strict JSON: no comments, no duplicate keys).");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw HarbourException.badRequest("bad_json", "The request body must be a JSON object.");
    }
    return of(object, allowedFields);
  }

  public static JsonInput of(JsonObject object, String... allowedFields) {
    return object(object, "", allowedFields);
  }

  /**
   * Reads a value found inside a body (or parsed from YAML) that must be an object with only the
   * allowed fields; {@code where} names it in errors, e.g. "templates[2]".
   */
  public static JsonInput object(Object value, String where, String... allowedFields) {
    if (!(value instanceof JsonObject object)) {
      throw HarbourException.badRequest("wrong_type", "'" + where + "' must be an object.");
    }
    rejectUnsafeKeys(object, "");
    Set<String> allowed = Set.of(allowedFields);
    for (String field : object.fieldNames()) {
      if (!allowed.contains(field)) {
        throw HarbourException.badRequest("unknown_field",
            "Unknown field '" + field + "'" + (where.isEmpty() ? "." : " in '" + where + "'."));
      }
    }
    return new JsonInput(object, where);
  }

  /** How errors name a field of this object. */
  public String name(String field) {
    return where.isEmpty() ? field : where + "." + field;
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
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
        .orElseThrow(() -> HarbourException.badRequest("missing_field", "'" + name(field) + "' is required."));
  }

  /**
   * Text with white space trimmed from both ends; at most {@code maxLength} UTF-16 units (for
   * names, ids and codes, whose limits match the browser's {@code maxlength}).
   */
  public Optional<String> optionalString(String field, int maxLength) {
    Optional<String> text = trimmedText(field);
    if (text.isPresent() && text.get().length() > maxLength) {
      throw HarbourException.badRequest("too_long", "'" + name(field) + "' must be at most " + maxLength + " characters.");
    }
    return text;
  }

  /** Like {@link #optionalVisibleText} but required: absent, empty or only white space is {@code missing_field}. */
  public String requiredVisibleText(String field, int maxCharacters) {
    return optionalVisibleText(field, maxCharacters)
        .orElseThrow(() -> HarbourException.badRequest("missing_field", "'" + name(field) + "' is required and may not be only white space."));
  }

  /**
   * What a person writes for another to read: trimmed like every text, and at most {@code
   * maxCharacters} characters as a reader counts them ({@link VisibleText#length}), so an emoji
   * family or an accented letter typed as two code points is one.
   */
  public Optional<String> optionalVisibleText(String field, int maxCharacters) {
    Optional<String> text = trimmedText(field);
    // Never more characters than UTF-16 units, so most texts need no counting.
    if (text.isPresent() && text.get().length() > maxCharacters && VisibleText.length(text.get()) > maxCharacters) {
      throw HarbourException.badRequest("too_long", "'" + name(field) + "' must be at most " + maxCharacters + " characters.");
    }
    return text;
  }

  /**
   * The text without white space at either end (the stored text is the trimmed one); empty means
   * absent. Control characters other than newline and tab, and halves of a surrogate pair, are
   * refused rather than stored: the store would keep a broken pair as "?".
   */
  private Optional<String> trimmedText(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be text.");
    }
    String trimmed = VisibleText.trim(text);
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (!VisibleText.allowed(trimmed)) {
      throw HarbourException.badRequest("bad_characters",
          "'" + name(field) + "' contains a control character or a broken character (half of an emoji, say).");
    }
    return Optional.of(trimmed);
  }

  /** A secret is taken exactly as typed: never trimmed, never logged. */
  public String requiredSecret(String field, int maxLength) {
    Object value = json.getValue(field);
    if (value == null || (value instanceof String text && text.isEmpty())) {
      throw HarbourException.badRequest("missing_field", "'" + name(field) + "' is required.");
    }
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be text.");
    }
    if (text.length() > maxLength) {
      throw HarbourException.badRequest("too_long", "'" + name(field) + "' must be at most " + maxLength + " characters.");
    }
    return text;
  }

  public Optional<Boolean> optionalBoolean(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean bool)) {
      throw HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be true or false.");
    }
    return Optional.of(bool);
  }

  public Optional<Long> optionalLong(String field, long min, long max) {
    Object value = json.getValue(field);
    return value == null ? Optional.empty() : Optional.of(wholeNumber(field, value, min, max));
  }

  public int requiredInt(String field, int min, int max) {
    return (int) wholeNumber(field, requiredValue(field), min, max);
  }

  /**
   * One rule for every whole number, in bodies and frames alike: it is written as a JSON integer
   * (digits, an optional minus; {@code -0} is 0), not as {@code 3.0}, {@code 1e3} or {@code "3"},
   * and lies in its range. A value too large for a long is out of range, never rounded.
   */
  private long wholeNumber(String field, Object value, long min, long max) {
    if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
      throw HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be a whole number, written without a decimal point or exponent.");
    }
    boolean fitsLong = !(value instanceof BigInteger big) || big.bitLength() < 64;
    long number = ((Number) value).longValue();
    if (!fitsLong || number < min || number > max) {
      throw HarbourException.badRequest("out_of_range", "'" + name(field) + "' must be between " + min + " and " + max + ".");
    }
    return number;
  }

  public JsonArray requiredArray(String field) {
    if (!(requiredValue(field) instanceof JsonArray array)) {
      throw HarbourException.badRequest("wrong_type", "'" + name(field) + "' must be a list.");
    }
    return array;
  }

  public Object requiredValue(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw HarbourException.badRequest("missing_field", "'" + name(field) + "' is required.");
    }
    return value;
  }

  /** A local time such as 17:00. */
  public LocalTime requiredTime(String field) {
    return parsed(field, LocalTime::parse, "a time like 17:00");
  }

  /** A local date and time such as 2026-12-24T17:00; an instant with a zone is refused. */
  public LocalDateTime requiredDateTime(String field) {
    return DateInput.dateTime(requiredString(field, 40))
        .orElseThrow(() -> badTime(field, "a local date and time like 2026-12-24T17:00, in the years 1900 to 2999"));
  }

  public LocalDate requiredDate(String field) {
    return DateInput.date(requiredString(field, 40)).orElseThrow(() -> badTime(field, "a date like 2026-12-25, in the years 1900 to 2999"));
  }

  /** An enum constant by name, any case. */
  public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    return enumFrom(requiredValue(field), name(field), type);
  }

  /** An enum constant by name, any case; {@code name} says where the value was. */
  public static <E extends Enum<E>> E enumFrom(Object value, String name, Class<E> type) {
    if (!(value instanceof String text)) {
      throw HarbourException.badRequest("wrong_type", "'" + name + "' must be text.");
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
        return constant;
      }
    }
    throw HarbourException.badRequest("bad_value", "'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
  }

  private <T> T parsed(String field, Function<String, T> parser, String expected) {
    String text = requiredString(field, 40);
    try {
      return parser.apply(text);
    } catch (DateTimeParseException e) {
      throw badTime(field, expected);
    }
  }

  private HarbourException badTime(String field, String expected) {
    return HarbourException.badRequest("bad_time", "'" + name(field) + "' must be " + expected + ".");
  }

  public JsonObject raw() {
    return json;
  }
}
