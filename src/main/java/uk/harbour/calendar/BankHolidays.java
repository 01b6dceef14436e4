package uk.harbour.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bank holidays for England and Wales, from configuration. On these days office hours do not
 * apply and services that say nothing else keep their Sunday hours.
 */
public final class BankHolidays {

  private final TreeMap<LocalDate, String> days;

  public BankHolidays(Map<LocalDate, String> days) {
    this.days = new TreeMap<>(Objects.requireNonNull(days));
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
