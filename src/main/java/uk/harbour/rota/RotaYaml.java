package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.YamlInput;

/**
 * Reads a rota YAML file (config/demo-rota.yaml): the same shape as {@link RotaJson} under
 * {@code rota:}, beside a {@code staff:} list. Takes text, not a path: the caller reads the file
 * off the event loop. YAML typing rules: {@link YamlInput}.
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
    JsonInput in = JsonInput.object(YamlInput.parse(yaml), "", "staff", "rota");
    List<StaffMember> staff = new ArrayList<>();
    JsonArray people = in.requiredArray("staff");
    for (int i = 0; i < people.size(); i++) {
      JsonInput person = JsonInput.object(people.getValue(i), "staff[" + i + "]",
          "id", "name", "role");
      staff.add(new StaffMember(person.requiredString("id", RotaJson.MAX_TEXT), person.requiredString("name", RotaJson.MAX_TEXT),
          person.requiredEnum("role", StaffMember.Role.class)));
    }
    Set<String> ids = staff.stream().map(StaffMember::id).collect(Collectors.toSet());
    if (ids.size() != staff.size()) {
      throw HarbourException.badRequest("duplicate_id", "Two staff share an id.");
    }
    Object rotaJson = in.requiredValue("rota");
    if (!(rotaJson instanceof JsonObject rotaObject)) {
      throw HarbourException.badRequest("wrong_type", "'rota' must be an object.");
    }
    Rota rota = RotaJson.rotaFromJson(rotaObject, configDefaultCapacity);
    return new LoadedRota(new RotaValidator(ids, zone).validate(rota), staff);
  }

  /**
   * @deprecated moved to {@link BankHolidays#fromYaml}; kept one release so branches written
   *     against it still build.
   */
  @Deprecated
  public static BankHolidays parseBankHolidays(String yaml) {
    return BankHolidays.fromYaml(yaml);
  }
}
