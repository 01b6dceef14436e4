package uk.harbour.signposting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.harbour.calendar.BankHolidays;

/**
 * When a service answers, shaped like Open Referral UK / HSDS schedules: weekly periods
 * ({@code regular_schedule}), dated exceptions ({@code holiday_schedule}) and a bank-holiday rule,
 * in local time. A pure function of the instant: no clock, no I/O.
 *
 * <p>Rules, in order, for a local date: a dated exception covering it replaces everything; else on
 * a bank holiday the rule applies; else the weekly periods for that weekday. A period whose close is
 * not after its open runs past midnight into the next day; {@code 24:00} is written as close
 * {@code 00:00} of the next day. Local times that fall in the spring-forward gap move forward an
 * hour; in the autumn overlap the earlier offset is used (java.time's rules).
 */
public record OpeningHours(
    Availability availability,
    List<Period> regular,
    List<DatedHours> exceptions,
    BankHolidayRule bankHolidays,
    String note,
    ZoneId zone) {

  /** How sure we are: open around the clock, known hours, or not confirmed (never shown as open). */
  public enum Availability { ALWAYS, SCHEDULED, UNKNOWN }

  /** What a bank holiday does to the weekly hours. */
  public enum BankHolidayRule {
    USUAL, CLOSED, ALL_DAY, SUNDAY, UNKNOWN;

    public String wireName() {
      return name().toLowerCase();
    }
  }

  /** A weekly opening: on these days, from opens to closes (local time). */
  public record Period(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    public Period {
      days = Set.copyOf(Objects.requireNonNull(days));
      Objects.requireNonNull(opens);
      Objects.requireNonNull(closes);
    }

    public boolean overnight() {
      return !closes.isAfter(opens);
    }
  }

  /** Dated hours from {@code from} to {@code to} inclusive: closed, or open only between opens and closes. */
  public record DatedHours(LocalDate from, LocalDate to, boolean closed, LocalTime opens, LocalTime closes) {
    public DatedHours {
      Objects.requireNonNull(from);
      Objects.requireNonNull(to);
      if (!closed) {
        Objects.requireNonNull(opens);
        Objects.requireNonNull(closes);
      }
    }

    boolean covers(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  /** A stretch of open time, [start, end). */
  public record Window(Instant start, Instant end) {}

  private static final int LOOK_AHEAD_DAYS = 14;

  public OpeningHours {
    Objects.requireNonNull(availability);
    regular = List.copyOf(Objects.requireNonNull(regular));
    exceptions = List.copyOf(Objects.requireNonNull(exceptions));
    Objects.requireNonNull(bankHolidays);
    Objects.requireNonNull(zone);
  }

  public static OpeningHours always(ZoneId zone) {
    return new OpeningHours(Availability.ALWAYS, List.of(), List.of(), BankHolidayRule.USUAL, null, zone);
  }

  public static OpeningHours unknown(ZoneId zone) {
    return new OpeningHours(Availability.UNKNOWN, List.of(), List.of(), BankHolidayRule.UNKNOWN, null, zone);
  }

  public boolean isOpen(Instant at, BankHolidays holidays) {
    return switch (availability) {
      case ALWAYS -> true;
      case UNKNOWN -> false;
      case SCHEDULED -> windowsAround(at, holidays, 1).stream().anyMatch(w -> !at.isBefore(w.start()) && at.isBefore(w.end()));
    };
  }

  /** The next instant (after {@code at}) when open/closed flips, within two weeks. */
  public Optional<Instant> nextChange(Instant at, BankHolidays holidays) {
    if (availability != Availability.SCHEDULED) {
      return Optional.empty();
    }
    boolean open = isOpen(at, holidays);
    for (Window w : merged(windowsAround(at, holidays, LOOK_AHEAD_DAYS))) {
      if (open && !at.isBefore(w.start()) && at.isBefore(w.end())) {
        return Optional.of(w.end());
      }
      if (!open && w.start().isAfter(at)) {
        return Optional.of(w.start());
      }
    }
    return Optional.empty();
  }

  /** {@code at} itself when open, else the next opening within two weeks. */
  public Optional<Instant> nextOpen(Instant at, BankHolidays holidays) {
    if (isOpen(at, holidays)) {
      return Optional.of(at);
    }
    return availability == Availability.SCHEDULED ? nextChange(at, holidays) : Optional.empty();
  }

  /** The windows that start on a local date (they may end the next day). */
  public List<Window> windowsOn(LocalDate date, BankHolidays holidays) {
    List<Window> out = new ArrayList<>();
    Optional<DatedHours> exception = exceptions.stream().filter(e -> e.covers(date)).findFirst();
    if (exception.isPresent()) {
      if (!exception.get().closed()) {
        out.add(window(date, exception.get().opens(), exception.get().closes()));
      }
      return out;
    }
    DayOfWeek weekday = date.getDayOfWeek();
    if (holidays.isBankHoliday(date)) {
      switch (bankHolidays) {
        case CLOSED, UNKNOWN -> {
          return out;
        }
        case ALL_DAY -> {
          out.add(window(date, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
          return out;
        }
        case SUNDAY -> weekday = DayOfWeek.SUNDAY;
        case USUAL -> { }
      }
    }
    for (Period p : regular) {
      if (p.days().contains(weekday)) {
        out.add(window(date, p.opens(), p.closes()));
      }
    }
    return out;
  }

  private Window window(LocalDate date, LocalTime opens, LocalTime closes) {
    ZonedDateTime start = date.atTime(opens).atZone(zone);
    LocalDate endDate = closes.isAfter(opens) ? date : date.plusDays(1);
    ZonedDateTime end = endDate.atTime(closes).atZone(zone);
    return new Window(start.toInstant(), end.toInstant());
  }

  private List<Window> windowsAround(Instant at, BankHolidays holidays, int daysAhead) {
    LocalDate today = at.atZone(zone).toLocalDate();
    List<Window> all = new ArrayList<>();
    for (LocalDate d = today.minusDays(1); !d.isAfter(today.plusDays(daysAhead)); d = d.plusDays(1)) {
      all.addAll(windowsOn(d, holidays));
    }
    return all;
  }

  /** Sorted, with touching or overlapping windows joined, so "closes at midnight, opens at midnight" is one stretch. */
  static List<Window> merged(List<Window> windows) {
    List<Window> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparing(Window::start));
    List<Window> out = new ArrayList<>();
    for (Window w : sorted) {
      if (!out.isEmpty() && !w.start().isAfter(out.get(out.size() - 1).end())) {
        Window last = out.remove(out.size() - 1);
        out.add(new Window(last.start(), w.end().isAfter(last.end()) ? w.end() : last.end()));
      } else {
        out.add(w);
      }
    }
    return out;
  }
}
