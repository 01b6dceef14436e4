package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/**
 * Rota ↔ JSON, for the repository and the HTTP API. Parsing is strict (unknown fields, wrong types
 * and keys a database would read as operators are a 400); it checks shape only, so run
 * {@link RotaValidator} afterwards for meaning. Times are local wall-clock text: "17:00",
 * "2026-12-24T17:00"; days and kinds are names ("MONDAY", "COVER"), any case on input.
 */
public final class RotaJson {

  /** More entries than this in one list is hostile input, not a rota. */
  static final int MAX_LIST = RotaValidator.MAX_OVERRIDES;
  /** Longest id or name text. */
  static final int MAX_TEXT = 64;

  private RotaJson() { }

  /**
   * @param configDefaultCapacity used when the document has no {@code defaultCapacity}
   */
  public static Rota rotaFromJson(JsonObject json, int configDefaultCapacity) {
    JsonInput in = JsonInput.object(json, "", "officeHours", "templates", "overrides",
        "capacity", "defaultCapacity", "bankHolidayPattern");
    OfficeHours officeHours = new OfficeHours(
        list(in, "officeHours", (item, where) -> periodFromJson(item, where)));
    List<ShiftTemplate> templates = list(in, "templates", RotaJson::templateFromJson);
    List<RotaOverride> overrides = in.has("overrides")
        ? list(in, "overrides", RotaJson::overrideFromJson) : List.of();
    Map<String, Integer> capacity = new LinkedHashMap<>();
    if (in.has("capacity")) {
      for (Map.Entry<String, Integer> entry : list(in, "capacity", RotaJson::capacityFromJson)) {
        if (capacity.put(entry.getKey(), entry.getValue()) != null) {
          throw HarbourException.badRequest("duplicate_id",
              "Capacity is given twice for '" + entry.getKey() + "'.");
        }
      }
    }
    int defaultCapacity = in.has("defaultCapacity")
        ? in.requiredInt("defaultCapacity", 1, RotaValidator.MAX_CAPACITY) : configDefaultCapacity;
    DayOfWeek bankHolidayPattern = in.has("bankHolidayPattern")
        ? in.requiredEnum("bankHolidayPattern", DayOfWeek.class) : DayOfWeek.SUNDAY;
    return new Rota(officeHours, templates, overrides, capacity, defaultCapacity, bankHolidayPattern);
  }

  public static JsonObject toJson(Rota rota) {
    JsonArray capacity = new JsonArray();
    rota.capacity().forEach((adviser, max) ->
        capacity.add(new JsonObject().put("adviser", adviser).put("maxActive", max)));
    return new JsonObject()
        .put("officeHours", new JsonArray(rota.officeHours().periods().stream()
            .map(RotaJson::toJson).toList()))
        .put("templates", new JsonArray(rota.templates().stream().map(RotaJson::toJson).toList()))
        .put("overrides", new JsonArray(rota.overrides().stream().map(RotaJson::toJson).toList()))
        .put("capacity", capacity)
        .put("defaultCapacity", rota.defaultCapacity())
        .put("bankHolidayPattern", rota.bankHolidayPattern().name());
  }

  /** One override as the HTTP API receives it; {@code where} names it in error messages. */
  public static RotaOverride overrideFromJson(Object json, String where) {
    JsonInput in = JsonInput.object(json, where,
        "id", "kind", "adviser", "start", "end", "replaces");
    return new RotaOverride(in.requiredString("id", MAX_TEXT), in.requiredEnum("kind", RotaOverride.Kind.class),
        in.requiredString("adviser", MAX_TEXT), in.requiredDateTime("start"), in.requiredDateTime("end"),
        in.optionalString("replaces", MAX_TEXT));
  }

  public static RotaOverride overrideFromJson(JsonObject json) {
    return overrideFromJson(json, "override");
  }

  public static JsonObject toJson(RotaOverride override) {
    JsonObject json = new JsonObject()
        .put("id", override.id())
        .put("kind", override.kind().name())
        .put("adviser", override.adviserId())
        .put("start", override.start().toString())
        .put("end", override.end().toString());
    override.replaces().ifPresent(r -> json.put("replaces", r));
    return json;
  }

  public static ShiftTemplate templateFromJson(Object json, String where) {
    JsonInput in = JsonInput.object(json, where,
        "id", "day", "start", "end", "onCall", "backup", "dutyManager");
    List<String> onCall = new ArrayList<>();
    JsonArray ids = in.requiredArray("onCall");
    for (int i = 0; i < ids.size(); i++) {
      Object id = ids.getValue(i);
      if (!(id instanceof String text)) {
        throw HarbourException.badRequest("wrong_type", "'" + in.name("onCall") + "' must list ids.");
      }
      onCall.add(text);
    }
    return new ShiftTemplate(in.requiredString("id", MAX_TEXT), in.requiredEnum("day", DayOfWeek.class),
        in.requiredTime("start"), in.requiredTime("end"), onCall, in.optionalString("backup", MAX_TEXT),
        in.optionalString("dutyManager", MAX_TEXT));
  }

  public static JsonObject toJson(ShiftTemplate template) {
    JsonObject json = new JsonObject()
        .put("id", template.id())
        .put("day", template.day().name())
        .put("start", template.start().toString())
        .put("end", template.end().toString())
        .put("onCall", new JsonArray(template.onCall()));
    template.backup().ifPresent(b -> json.put("backup", b));
    template.dutyManager().ifPresent(m -> json.put("dutyManager", m));
    return json;
  }

  static OfficeHours.Period periodFromJson(Object json, String where) {
    JsonInput in = JsonInput.object(json, where, "days", "start", "end", "dutyManager");
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    JsonArray names = in.requiredArray("days");
    for (int i = 0; i < names.size(); i++) {
      days.add(JsonInput.enumFrom(names.getValue(i), in.name("days") + "[" + i + "]",
          DayOfWeek.class));
    }
    return new OfficeHours.Period(days, in.requiredTime("start"), in.requiredTime("end"), in.optionalString("dutyManager", MAX_TEXT));
  }

  static JsonObject toJson(OfficeHours.Period period) {
    JsonObject json = new JsonObject()
        .put("days", new JsonArray(period.days().stream().map(DayOfWeek::name).toList()))
        .put("start", period.start().toString())
        .put("end", period.end().toString());
    period.dutyManager().ifPresent(m -> json.put("dutyManager", m));
    return json;
  }

  private static Map.Entry<String, Integer> capacityFromJson(Object json, String where) {
    JsonInput in = JsonInput.object(json, where, "adviser", "maxActive");
    return Map.entry(in.requiredString("adviser", MAX_TEXT), in.requiredInt("maxActive", 1, RotaValidator.MAX_CAPACITY));
  }

  /** Output only: a concrete shift for the week view. */
  public static JsonObject toJson(ShiftInstance shift) {
    JsonObject json = new JsonObject()
        .put("start", shift.start().toString())
        .put("end", shift.end().toString())
        .put("onCall", new JsonArray(shift.onCall()))
        .put("overrides", new JsonArray(shift.overrideIds()));
    shift.templateId().ifPresent(t -> json.put("template", t));
    shift.backup().ifPresent(b -> json.put("backup", b));
    shift.dutyManager().ifPresent(m -> json.put("dutyManager", m));
    return json;
  }

  /** Output only. */
  public static JsonObject toJson(OnCall onCall) {
    return new JsonObject()
        .put("at", onCall.at().toString())
        .put("officeHours", onCall.officeHours())
        .put("onCall", new JsonArray(onCall.onCall()))
        .put("backup", new JsonArray(onCall.backup()))
        .put("dutyManagers", new JsonArray(onCall.dutyManagers()))
        .put("until", onCall.until().toString());
  }

  /** Output only. */
  public static JsonObject toJson(CoverageGap gap) {
    return new JsonObject()
        .put("kind", gap.kind().name())
        .put("start", gap.start().toString())
        .put("end", gap.end().toString());
  }

  @FunctionalInterface
  private interface ItemReader<T> {
    T read(Object item, String where);
  }

  private static <T> List<T> list(JsonInput in, String field, ItemReader<T> reader) {
    JsonArray array = in.requiredArray(field);
    if (array.size() > MAX_LIST) {
      throw HarbourException.badRequest("too_many",
          "'" + in.name(field) + "' may hold at most " + MAX_LIST + " entries.");
    }
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.read(array.getValue(i), in.name(field) + "[" + i + "]"));
    }
    return out;
  }

}
