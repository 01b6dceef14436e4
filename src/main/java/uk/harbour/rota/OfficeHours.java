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
import java.util.Optional;
import java.util.Set;
import uk.harbour.calendar.BankHolidays;

/**
 * When young people's own personal advisers are at work. Outside these periods the on-call rota
 * covers. A bank holiday is never office hours, whatever its weekday.
 */
public record OfficeHours(List<Period> periods) {

  /**
   * One weekly period, e.g. Monday to Friday 09:00-17:00; it does not cross midnight. Its duty
   * manager is the escalation ladder's rung above the young person's own PA while it lasts.
   */
  public record Period(Set<DayOfWeek> days, LocalTime start, LocalTime end, Optional<String> dutyManager) {
    public Period {
      Objects.requireNonNull(days);
      Objects.requireNonNull(start);
      Objects.requireNonNull(end);
      Objects.requireNonNull(dutyManager);
      // EnumSet keeps the days in calendar order, so JSON output is stable.
      days = days.isEmpty()
          ? Collections.emptySet()
          : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public Period(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
      this(days, start, end, Optional.empty());
    }
  }

  public OfficeHours {
    periods = List.copyOf(Objects.requireNonNull(periods));
  }

  /** The same periods with one duty manager for all of them (none when empty). */
  public OfficeHours withDutyManager(Optional<String> dutyManager) {
    return new OfficeHours(periods.stream().map(p -> new Period(p.days(), p.start(), p.end(), dutyManager)).toList());
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
    return periodsOn(date, times, holidays).stream().map(DatedPeriod::window).toList();
  }

  /** One period on one date: its window and who is its duty manager. */
  record DatedPeriod(Period period, TimeWindow window) {}

  List<DatedPeriod> periodsOn(LocalDate date, LocalTimes times, BankHolidays holidays) {
    if (holidays.isBankHoliday(date)) {
      return List.of();
    }
    List<DatedPeriod> out = new ArrayList<>();
    for (Period period : periods) {
      if (period.days().contains(date.getDayOfWeek())) {
        Instant start = times.startOf(date.atTime(period.start()));
        Instant end = times.endOf(date.atTime(period.end()));
        if (end.isAfter(start)) {
          out.add(new DatedPeriod(period, new TimeWindow(start, end)));
        }
      }
    }
    return out;
  }
}
