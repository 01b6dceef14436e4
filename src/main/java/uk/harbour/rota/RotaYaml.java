package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.web.HarbourException;

/**
 * Reads the rota and bank-holiday YAML files (config/demo-rota.yaml, config/bank-holidays.yaml).
 * The rota's YAML has the same shape as {@link RotaJson} under {@code rota:}, beside a {@code staff:}
 * list. Takes text, not a path: the caller reads the file off the event loop.
 *
 * <p>Only null, true/false and plain whole numbers are typed; everything else stays text, so
 * {@code 17:00} is not read as the base-60 number 1020 nor {@code 2026-12-25} as a Date.
 */
public final class RotaYaml {

  /** A person the rota names. */
  public record StaffMember(String id, String name, Role role) {
    public enum Role { ADVISER, MANAGER }

    public StaffMember {
      Objects.requireNonNull(id);
      Objects.requireNonNull(name);
      Objects.requireNonNull(role);
    }
  }

  /** A validated rota with the people it names. */
  public record LoadedRota(Rota rota, List<StaffMember> staff) {
    public LoadedRota {
      Objects.requireNonNull(rota);
      staff = List.copyOf(Objects.requireNonNull(staff));
    }
  }

  private RotaYaml() { }

  /** Parses and validates a rota file; every staff id becomes a known id for the validator. */
  public static LoadedRota parseRota(String yaml, ZoneId zone, int configDefaultCapacity) {
    StrictJson in = StrictJson.of(parse(yaml), "", Set.of("staff", "rota"));
    List<StaffMember> staff = new ArrayList<>();
    JsonArray people = in.array("staff");
    for (int i = 0; i < people.size(); i++) {
      StrictJson person = StrictJson.of(people.getValue(i), "staff[" + i + "]",
          Set.of("id", "name", "role"));
      staff.add(new StaffMember(person.string("id"), person.string("name"),
          person.enumValue("role", StaffMember.Role.class)));
    }
    Set<String> ids = staff.stream().map(StaffMember::id).collect(Collectors.toSet());
    if (ids.size() != staff.size()) {
      throw HarbourException.badRequest("duplicate_id", "Two staff share an id.");
    }
    Object rotaJson = in.value("rota");
    if (!(rotaJson instanceof JsonObject rotaObject)) {
      throw HarbourException.badRequest("wrong_type", "'rota' must be an object.");
    }
    Rota rota = RotaJson.rotaFromJson(rotaObject, configDefaultCapacity);
    return new LoadedRota(new RotaValidator(ids, zone).validate(rota), staff);
  }

  /** Parses a {@code bankHolidays: [{date, title}]} file. */
  public static BankHolidays parseBankHolidays(String yaml) {
    StrictJson in = StrictJson.of(parse(yaml), "", Set.of("bankHolidays"));
    Map<LocalDate, String> days = new TreeMap<>();
    JsonArray list = in.array("bankHolidays");
    for (int i = 0; i < list.size(); i++) {
      StrictJson day = StrictJson.of(list.getValue(i), "bankHolidays[" + i + "]",
          Set.of("date", "title"));
      if (days.put(day.date("date"), day.string("title")) != null) {
        throw HarbourException.badRequest("duplicate_id", "A bank holiday is listed twice.");
      }
    }
    return new BankHolidays(days);
  }

  /** YAML text to Vert.x JSON values (JsonObject, JsonArray, String, Integer, Long, Boolean). */
  public static Object parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1_000_000);
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
        new DumperOptions(), options, new PlainResolver());
    try {
      return toJsonValue(parser.load(Objects.requireNonNull(yaml)), "");
    } catch (YAMLException e) {
      throw HarbourException.badRequest("bad_yaml", "The YAML could not be read: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Object toJsonValue(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw HarbourException.badRequest("wrong_type", "Keys must be text (in '" + where + "').");
        }
        object.put(key, toJsonValue(entry.getValue(), where + "." + key));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      for (Object item : list) {
        array.add(toJsonValue(item, where + "[]"));
      }
      return array;
    }
    if (value == null || value instanceof String || value instanceof Integer
        || value instanceof Long || value instanceof Boolean) {
      return value;
    }
    throw HarbourException.badRequest("wrong_type", "Unexpected YAML value at '" + where + "'.");
  }

  /** Types only null, booleans and plain decimal integers. */
  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]{0,9})$"), "-+0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }
}
