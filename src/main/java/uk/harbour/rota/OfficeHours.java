package uk.harbour.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.harbour.calendar.BankHolidays;

/**
 * When young people's own personal advisers are at work. Outside these periods the on-call rota
 * covers. A bank holiday is never office hours, whatever its weekday.
 */
public record OfficeHours(List<Period> periods) {

  /** One weekly period, e.g. Monday to Friday 09:00-17:00; it does not cross midnight. */
  public record Period(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    public Period {
      Objects.requireNonNull(days);
      Objects.requireNonNull(start);
      Objects.requireNonNull(end);
      // EnumSet keeps the days in calendar order, so JSON output is stable.
      days = days.isEmpty()
          ? Collections.emptySet()
          : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }
  }

  public OfficeHours {
    periods = List.copyOf(Objects.requireNonNull(periods));
  }

  public static OfficeHours none() {
    return new OfficeHours(List.of());
  }

  /** Monday to Friday, 09:00 to 17:00. */
  public static OfficeHours weekdaysNineToFive() {
    return new OfficeHours(List.of(new Period(
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))));
  }

  public boolean isOfficeHours(Instant t, LocalTimes times, BankHolidays holidays) {
    LocalDate date = t.atZone(times.zone()).toLocalDate();
    return windowsOn(date, times, holidays).stream().anyMatch(w -> w.contains(t));
  }

  /** The office-hours windows of one local date; none on a bank holiday. */
  List<TimeWindow> windowsOn(LocalDate date, LocalTimes times, BankHolidays holidays) {
    if (holidays.isBankHoliday(date)) {
      return List.of();
    }
    List<TimeWindow> windows = new ArrayList<>();
    for (Period period : periods) {
      if (period.days().contains(date.getDayOfWeek())) {
        Instant start = times.startOf(date.atTime(period.start()));
        Instant end = times.endOf(date.atTime(period.end()));
        if (end.isAfter(start)) {
          windows.add(new TimeWindow(start, end));
        }
      }
    }
    return windows;
  }
}
