package uk.harbour.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Which episodes a report covers: those that started on the London dates {@code from} to {@code to}
 * (inclusive), in a team (empty: every team the reader may see), optionally only those an adviser
 * took part in (replied in, or was given), of one shift type, or of one priority ({@code urgent}:
 * urgent at any time; {@code normal}: never).
 */
public record ReportQuery(
    LocalDate from, LocalDate to, Optional<String> team, Optional<String> adviser, Optional<ShiftType> shiftType, Optional<String> priority) {

  /** A year and a day: a leap year's dates, and no longer, so a request cannot make the reader walk for ever. */
  public static final int MAX_DAYS = 366;

  public ReportQuery {
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    Objects.requireNonNull(team);
    Objects.requireNonNull(adviser);
    Objects.requireNonNull(shiftType);
    Objects.requireNonNull(priority);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length just before this one, with the same filters. */
  public ReportQuery previous() {
    return new ReportQuery(from.minusDays(days()), from.minusDays(1), team, adviser, shiftType, priority);
  }

  public ReportQuery forTeam(Optional<String> chosen) {
    return new ReportQuery(from, to, chosen, adviser, shiftType, priority);
  }

  boolean matches(Episode e) {
    // Asked for every episode of a year: plain tests, no lambdas.
    if (adviser.isPresent() && !e.staff.contains(adviser.get())) {
      return false;
    }
    if (shiftType.isPresent() && shiftType.get() != e.shiftType) {
      return false;
    }
    return priority.isEmpty() || "urgent".equals(priority.get()) == e.urgent;
  }
}
