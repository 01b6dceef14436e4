package uk.harbour.rota;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.harbour.calendar.BankHolidays;

/** The demo rota and bank holidays from config/, and small hand-made rotas. */
final class RotaFixtures {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String SAM = "sam";
  static final String PRIYA = "priya";
  static final String JO = "jo";
  static final Set<String> STAFF = Set.of(SAM, PRIYA, JO, "adviser-ali");

  private RotaFixtures() { }

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RotaYaml.LoadedRota demo() {
    return RotaYaml.parseRota(read("config/demo-rota.yaml"), LONDON, 3);
  }

  static BankHolidays holidays() {
    return BankHolidays.fromYaml(read("config/bank-holidays.yaml"));
  }

  static RotaEngine demoEngine() {
    return new RotaEngine(demo().rota(), holidays(), LONDON);
  }

  static RotaEngine engine(Rota rota) {
    return new RotaEngine(rota, holidays(), LONDON);
  }

  /** A wall-clock time in London that happens exactly once. */
  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  static ShiftTemplate shift(String id, DayOfWeek day, String start, String end,
      List<String> onCall, String backup, String dutyManager) {
    return new ShiftTemplate(id, day, LocalTime.parse(start), LocalTime.parse(end), onCall,
        Optional.ofNullable(backup), Optional.ofNullable(dutyManager));
  }

  static Rota rota(List<ShiftTemplate> templates, List<RotaOverride> overrides) {
    return new Rota(OfficeHours.weekdaysNineToFive(), templates, overrides, Map.of(), 3,
        DayOfWeek.SUNDAY);
  }

  static RotaOverride override(String id, RotaOverride.Kind kind, String adviser, String start,
      String end, String replaces) {
    return new RotaOverride(id, kind, adviser, LocalDateTime.parse(start), LocalDateTime.parse(end),
        Optional.ofNullable(replaces));
  }
}
