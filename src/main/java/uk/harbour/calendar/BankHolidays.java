package uk.harbour.calendar;

import io.vertx.core.json.JsonArray;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.YamlInput;

/**
 * Bank holidays for England and Wales, from configuration. On these days office hours do not
 * apply and services that say nothing else keep their Sunday hours.
 */
public final class BankHolidays {

  private final TreeMap<LocalDate, String> days;

  public BankHolidays(Map<LocalDate, String> days) {
    this.days = new TreeMap<>(Objects.requireNonNull(days));
  }

  /** Parses a {@code bankHolidays: [{date, title}]} file (config/bank-holidays.yaml); read it off the event loop. */
  public static BankHolidays fromYaml(String yaml) {
    JsonInput in = JsonInput.object(YamlInput.parse(yaml), "", "bankHolidays");
    Map<LocalDate, String> days = new TreeMap<>();
    JsonArray list = in.requiredArray("bankHolidays");
    for (int i = 0; i < list.size(); i++) {
      JsonInput day = JsonInput.object(list.getValue(i), "bankHolidays[" + i + "]", "date", "title");
      if (days.put(day.requiredDate("date"), day.requiredString("title", 100)) != null) {
        throw HarbourException.badRequest("duplicate_id", "A bank holiday is listed twice.");
      }
    }
    return new BankHolidays(days);
  }

  public static BankHolidays none() {
    return new BankHolidays(Map.of());
  }

  public boolean isBankHoliday(LocalDate date) {
    return days.containsKey(date);
  }

  public Optional<String> name(LocalDate date) {
    return Optional.ofNullable(days.get(date));
  }

  /** The last date the list covers; callers warn when it is close so nobody forgets to extend it. */
  public Optional<LocalDate> coveredUntil() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
  }

  public Map<LocalDate, String> asMap() {
    return java.util.Collections.unmodifiableMap(days);
  }
}
