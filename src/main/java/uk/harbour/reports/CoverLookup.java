package uk.harbour.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.ShiftInstance;

/**
 * Which shift was on at an instant, from the rota in force when the report record is written. The
 * engine expands days of shifts per question, so each local day's shifts are kept (a few days, per
 * rota version): a history of many episodes asks about the same days again and again.
 */
public final class CoverLookup {

  private static final int DAYS_KEPT = 64;

  private final Supplier<RotaEngine> engines;
  private final BankHolidays holidays;
  private final ZoneId zone;
  private final Map<LocalDate, Day> days = new LinkedHashMap<>(DAYS_KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<LocalDate, Day> eldest) {
      return size() > DAYS_KEPT;
    }
  };

  private record Day(RotaEngine engine, List<ShiftInstance> shifts, List<ShiftInstance> officeHours) {}

  public CoverLookup(Supplier<RotaEngine> engines, BankHolidays holidays, ZoneId zone) {
    this.engines = Objects.requireNonNull(engines);
    this.holidays = Objects.requireNonNull(holidays);
    this.zone = Objects.requireNonNull(zone);
  }

  public synchronized Cover at(Instant t) {
    var local = t.atZone(zone).toLocalDateTime();
    Day day = day(local.toLocalDate());
    Optional<ShiftInstance> office = day.officeHours.stream().filter(s -> s.isActiveAt(t)).findFirst();
    boolean bankHoliday = holidays.isBankHoliday(local.toLocalDate());
    if (office.isPresent()) {
      return new Cover(Cover.OFFICE_HOURS, ShiftType.OFFICE_HOURS, true, joinedEnd(office.get(), day.officeHours));
    }
    ShiftType type = ShiftType.at(local, false, bankHoliday);
    // With shifts overlapping at a handover, the one that started last is the shift now on.
    return day.shifts.stream()
        .filter(s -> s.isActiveAt(t) && !s.onCall().isEmpty())
        .max(Comparator.comparing(ShiftInstance::start))
        .map(s -> new Cover(s.templateId().orElse(Cover.AD_HOC), type, false, s.templateId().isEmpty() ? s.end() : joinedEnd(s, sameShift(s, day.shifts))))
        .orElseGet(() -> new Cover(Cover.NONE, type, false, null));
  }

  /**
   * The pieces an override cut {@code piece}'s shift into (a backup's sickness cuts it too) while
   * someone is still on call in them: the shift goes on through them, and only a piece with nobody
   * on call ends it early.
   */
  private static List<ShiftInstance> sameShift(ShiftInstance piece, List<ShiftInstance> shifts) {
    return shifts.stream().filter(s -> s.templateId().equals(piece.templateId()) && !s.onCall().isEmpty()).toList();
  }

  /** An override splits a stretch where it changes someone in it; the stretch lasts until the last piece that meets it ends. */
  private static Instant joinedEnd(ShiftInstance piece, List<ShiftInstance> pieces) {
    Instant end = piece.end();
    boolean extended = true;
    while (extended) {
      extended = false;
      for (ShiftInstance next : pieces) {
        if (next.start().equals(end)) {
          end = next.end();
          extended = true;
        }
      }
    }
    return end;
  }

  private Day day(LocalDate date) {
    RotaEngine engine = engines.get();
    Day day = days.get(date);
    if (day == null || day.engine != engine) {
      Instant from = date.minusDays(1).atStartOfDay(zone).toInstant();
      Instant to = date.plusDays(2).atStartOfDay(zone).toInstant();
      day = new Day(engine, engine.shiftsBetween(from, to), engine.officeHoursBetween(from, to));
      days.put(date, day);
    }
    return day;
  }
}
