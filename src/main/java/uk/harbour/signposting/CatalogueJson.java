package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import uk.harbour.signposting.CatalogueEntry.Amount;
import uk.harbour.signposting.CatalogueEntry.Area;
import uk.harbour.signposting.CatalogueEntry.Contact;
import uk.harbour.signposting.CatalogueEntry.Eligibility;
import uk.harbour.signposting.CatalogueEntry.Meta;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/**
 * The catalogue's one JSON shape, used by the seed files (YAML of the same shape), the API and the
 * store. Reading is strict: known fields only, limits on every text, real URLs and phone numbers,
 * and every problem a 400 with a stable code.
 */
public final class CatalogueJson {

  static final int MAX_NAME = 120;
  static final int MAX_SUMMARY = 400;
  static final int MAX_TEXT = 600;
  static final int MAX_URL = 500;
  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,59}$");
  private static final Pattern PHONE = Pattern.compile("^[0-9][0-9 ]{1,18}[0-9]$");
  private static final Pattern SMS_BODY = Pattern.compile("^[A-Za-z0-9 ]{1,20}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"']{1,64}@[A-Za-z0-9.-]{1,100}\\.[A-Za-z]{2,20}$");

  private static final String[] TOP =
      {"id", "category", "name", "summary", "eligibility", "contact", "hours", "amount", "source", "otherSources", "checked", "checkedNote", "demo"};

  private CatalogueJson() {}

  /** A seed entry or a new entry: no book-keeping fields. */
  public static CatalogueEntry parse(JsonObject json, ZoneId zone) {
    return read(JsonInput.of(json, TOP), zone);
  }

  /** A manager's edit: the same fields plus the {@code version} they edited, for the lost-update check. */
  public static Edit parseEdit(JsonObject json, ZoneId zone) {
    String[] allowed = java.util.Arrays.copyOf(TOP, TOP.length + 1);
    allowed[TOP.length] = "version";
    JsonInput in = JsonInput.of(json, allowed);
    int version = in.optionalLong("version", 1, Integer.MAX_VALUE)
        .orElseThrow(() -> HarbourException.badRequest("missing_field", "'version' is required.")).intValue();
    return new Edit(read(in, zone), version);
  }

  /** An edited entry and the version it was based on. */
  public record Edit(CatalogueEntry entry, int baseVersion) {}

  private static CatalogueEntry read(JsonInput in, ZoneId zone) {
    String id = in.requiredString("id", 60);
    if (!ID.matcher(id).matches()) {
      throw HarbourException.badRequest("bad_id", "'id' must be 2 to 60 lower-case letters, digits and dashes.");
    }
    String categoryText = in.requiredString("category", 20);
    Category category =
        Category.fromWire(categoryText)
            .orElseThrow(() -> HarbourException.badRequest("bad_category", "'category' must be one of education, training, employment, money, housing, health, crisis, advice."));
    List<String> others = new ArrayList<>();
    JsonArray otherSources = array(in.raw(), "otherSources", 10);
    for (int i = 0; i < otherSources.size(); i++) {
      if (!(otherSources.getValue(i) instanceof String s)) {
        throw HarbourException.badRequest("wrong_type", "'otherSources' must be a list of web addresses.");
      }
      others.add(url(s.strip(), "otherSources"));
    }
    return new CatalogueEntry(
        id,
        category,
        in.requiredString("name", MAX_NAME),
        in.requiredString("summary", MAX_SUMMARY),
        eligibility(object(in.raw(), "eligibility", true)),
        contact(object(in.raw(), "contact", true)),
        HoursJson.read(object(in.raw(), "hours", true), zone),
        amount(object(in.raw(), "amount", false)),
        url(in.requiredString("source", MAX_URL), "source"),
        others,
        in.optionalString("checked", 20).orElse(null),
        in.optionalString("checkedNote", MAX_TEXT).orElse(null),
        in.optionalBoolean("demo").orElse(false),
        Meta.fresh());
  }

  private static Eligibility eligibility(JsonObject json) {
    JsonInput in = JsonInput.of(json, "text", "careStatus", "minAge", "maxAge", "area", "areaName");
    Integer min = in.optionalLong("minAge", 0, 120).map(Long::intValue).orElse(null);
    Integer max = in.optionalLong("maxAge", 0, 120).map(Long::intValue).orElse(null);
    if (min != null && max != null && min > max) {
      throw HarbourException.badRequest("bad_age_range", "'minAge' must not be more than 'maxAge'.");
    }
    String area = in.optionalString("area", 10).orElse("national");
    if (!area.equals("national") && !area.equals("local")) {
      throw HarbourException.badRequest("bad_area", "'area' must be national or local.");
    }
    return new Eligibility(
        in.requiredString("text", MAX_TEXT),
        in.optionalString("careStatus", MAX_NAME).orElse(null),
        min,
        max,
        area.equals("local") ? Area.LOCAL : Area.NATIONAL,
        in.optionalString("areaName", MAX_NAME).orElse(null));
  }

  private static Contact contact(JsonObject json) {
    JsonInput in = JsonInput.of(json, "phone", "sms", "email", "url", "note");
    String phone =
        in.optionalString("phone", 20)
            .map(p -> matching(p, PHONE, () -> HarbourException.badRequest("bad_phone", "'phone' must be a phone number of digits and spaces.")))
            .orElse(null);
    String smsNumber = null;
    String smsBody = null;
    JsonObject smsJson = object(json, "sms", false);
    if (smsJson != null) {
      JsonInput sms = JsonInput.of(smsJson, "number", "body");
      smsNumber =
          matching(sms.requiredString("number", 20), PHONE, () -> HarbourException.badRequest("bad_sms_number", "'sms.number' must be a number of digits and spaces."));
      smsBody =
          sms.optionalString("body", 20)
              .map(b -> matching(b, SMS_BODY, () -> HarbourException.badRequest("bad_sms_body", "'sms.body' must be a short word of letters and digits.")))
              .orElse(null);
    }
    String email =
        in.optionalString("email", 190).map(e -> matching(e, EMAIL, () -> HarbourException.badRequest("bad_email", "'email' must be an email address."))).orElse(null);
    String url = in.optionalString("url", MAX_URL).map(u -> url(u, "url")).orElse(null);
    String note = in.optionalString("note", MAX_TEXT).orElse(null);
    if (phone == null && smsNumber == null && email == null && url == null && note == null) {
      throw HarbourException.badRequest("no_contact", "Give at least one way to get this help: phone, text, email, web address or a note.");
    }
    return new Contact(phone, smsNumber, smsBody, email, url, note);
  }

  private static Amount amount(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonInput in = JsonInput.of(json, "value", "period", "note");
    Object raw = json.getValue("value");
    BigDecimal value = null;
    if (raw != null) {
      if (!(raw instanceof Number n)) {
        throw HarbourException.badRequest("wrong_type", "'amount.value' must be a number of pounds.");
      }
      value = new BigDecimal(n.toString());
      // Compare before stripping zeros: 1e400 is refused at once, never expanded.
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0 || value.stripTrailingZeros().scale() > 2) {
        throw HarbourException.badRequest("bad_amount", "'amount.value' must be pounds between 0 and 1,000,000, at most 2 decimals.");
      }
    }
    return new Amount(value, in.requiredString("period", MAX_NAME * 2), in.optionalString("note", MAX_TEXT).orElse(null));
  }

  /** The entry as JSON, with book-keeping when {@code withMeta}. */
  public static JsonObject toJson(CatalogueEntry e, boolean withMeta) {
    JsonObject json =
        new JsonObject()
            .put("id", e.id())
            .put("category", e.category().wireName())
            .put("name", e.name())
            .put("summary", e.summary())
            .put("eligibility", eligibilityJson(e.eligibility()))
            .put("contact", contactJson(e.contact()))
            .put("hours", HoursJson.write(e.hours()))
            .put("source", e.source());
    if (e.amount() != null) {
      JsonObject amount = new JsonObject().put("period", e.amount().period());
      putIf(amount, "value", pounds(e.amount().value()));
      putIf(amount, "note", e.amount().note());
      json.put("amount", amount);
    }
    if (!e.otherSources().isEmpty()) {
      json.put("otherSources", new JsonArray(new ArrayList<>(e.otherSources())));
    }
    putIf(json, "checked", e.checked());
    putIf(json, "checkedNote", e.checkedNote());
    if (e.demo()) {
      json.put("demo", true);
    }
    if (withMeta) {
      json.put("version", e.meta().version()).put("edited", e.meta().edited());
      putIf(json, "updatedAt", e.meta().updatedAt() == null ? null : e.meta().updatedAt().toString());
      putIf(json, "updatedBy", e.meta().updatedBy());
    }
    return json;
  }

  private static JsonObject eligibilityJson(Eligibility e) {
    JsonObject json = new JsonObject().put("text", e.text()).put("area", e.area().name().toLowerCase(Locale.ROOT));
    putIf(json, "careStatus", e.careStatus());
    putIf(json, "minAge", e.minAge());
    putIf(json, "maxAge", e.maxAge());
    putIf(json, "areaName", e.areaName());
    return json;
  }

  private static JsonObject contactJson(Contact c) {
    JsonObject json = new JsonObject();
    putIf(json, "phone", c.phone());
    if (c.smsNumber() != null) {
      JsonObject sms = new JsonObject().put("number", c.smsNumber());
      putIf(sms, "body", c.smsBody());
      json.put("sms", sms);
    }
    putIf(json, "email", c.email());
    putIf(json, "url", c.url());
    putIf(json, "note", c.note());
    return json;
  }

  private static Number pounds(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.stripTrailingZeros().scale() <= 0 ? (Number) value.longValue() : (Number) value.doubleValue();
  }

  static void putIf(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  static JsonObject object(JsonObject parent, String field, boolean required) {
    Object value = parent.getValue(field);
    if (value == null) {
      if (required) {
        throw HarbourException.badRequest("missing_field", "'" + field + "' is required.");
      }
      return null;
    }
    return asObject(value, field);
  }

  static JsonObject asObject(Object value, String field) {
    if (!(value instanceof JsonObject object)) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be an object.");
    }
    return object;
  }

  static JsonArray array(JsonObject parent, String field, int max) {
    Object value = parent.getValue(field);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be a list.");
    }
    if (array.size() > max) {
      throw HarbourException.badRequest("too_many", "'" + field + "' has more than " + max + " items.");
    }
    return array;
  }

  /** Each caller names its code as a literal, so the documented-codes test can find it. */
  private static String matching(String value, Pattern pattern, Supplier<HarbourException> refusal) {
    if (!pattern.matcher(value).matches()) {
      throw refusal.get();
    }
    return value;
  }

  /** Only http(s) addresses with a host: never javascript:, data: or a relative path. */
  static String url(String value, String field) {
    if (value.length() > MAX_URL) {
      throw HarbourException.badRequest("too_long", "'" + field + "' must be at most " + MAX_URL + " characters.");
    }
    try {
      URI uri = new URI(value);
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !value.contains("\"") && !value.contains(" ")) {
        return value;
      }
    } catch (URISyntaxException e) {
      // falls through to the clear error below
    }
    throw HarbourException.badRequest("bad_url", "'" + field + "' must be a web address starting https://.");
  }
}
