package uk.harbour.rota;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the weekly on-call pattern, in local (Europe/London) time. An end at or before the
 * start means the shift runs into the next day (17:00-09:00); an end equal to the start is 24 hours.
 */
public record ShiftTemplate(
    String id,
    DayOfWeek day,
    LocalTime start,
    LocalTime end,
    List<String> onCall,
    Optional<String> backup,
    Optional<String> dutyManager) {

  public ShiftTemplate {
    Objects.requireNonNull(id);
    Objects.requireNonNull(day);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    onCall = List.copyOf(Objects.requireNonNull(onCall));
    Objects.requireNonNull(backup);
    Objects.requireNonNull(dutyManager);
  }

  public boolean runsIntoNextDay() {
    return !end.isAfter(start);
  }

  LocalDateTime localStart(LocalDate startDate) {
    return startDate.atTime(start);
  }

  LocalDateTime localEnd(LocalDate startDate) {
    return (runsIntoNextDay() ? startDate.plusDays(1) : startDate).atTime(end);
  }
}
