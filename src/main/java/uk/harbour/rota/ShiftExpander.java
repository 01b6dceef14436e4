package uk.harbour.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import uk.harbour.calendar.BankHolidays;

/** Expands the weekly pattern and the dated overrides into concrete shift instances. */
final class ShiftExpander {

  static final Comparator<ShiftInstance> ORDER = Comparator
      .comparing(ShiftInstance::start)
      .thenComparing(ShiftInstance::end)
      .thenComparing(ShiftInstance::sourceId);

  private final Rota rota;
  private final BankHolidays holidays;
  private final LocalTimes times;

  ShiftExpander(Rota rota, BankHolidays holidays, LocalTimes times) {
    this.rota = Objects.requireNonNull(rota);
    this.holidays = Objects.requireNonNull(holidays);
    this.times = Objects.requireNonNull(times);
  }

  /** The weekday whose pattern a date follows: its own, or the bank-holiday pattern. */
  DayOfWeek patternDay(LocalDate date) {
    return holidays.isBankHoliday(date) ? rota.bankHolidayPattern() : date.getDayOfWeek();
  }

  /** Every instance overlapping [from, to), sorted by start. */
  List<ShiftInstance> between(Instant from, Instant to) {
    List<ShiftInstance> out = new ArrayList<>();
    // A shift lasts at most a day (plus an hour in autumn), so one day back catches any that run into `from`.
    LocalDate first = from.atZone(times.zone()).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(times.zone()).toLocalDate();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      DayOfWeek pattern = patternDay(date);
      for (ShiftTemplate template : rota.templates()) {
        if (template.day() != pattern) {
          continue;
        }
        Instant start = times.startOf(template.localStart(date));
        Instant end = times.endOf(template.localEnd(date));
        // A shift wholly inside the spring-forward gap shrinks to nothing.
        if (end.isAfter(start) && start.isBefore(to) && end.isAfter(from)) {
          out.addAll(applyOverrides(Optional.of(template.id()), Roles.of(template), start, end));
        }
      }
    }
    for (RotaOverride override : rota.overrides()) {
      if (override.kind() == RotaOverride.Kind.COVER) {
        TimeWindow window = override.window(times);
        if (window.end().isAfter(window.start()) && window.overlaps(from, to)) {
          out.add(new ShiftInstance(Optional.empty(), List.of(override.id()), window.start(),
              window.end(), List.of(override.adviserId()), Optional.empty(), Optional.empty()));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /**
   * Office hours overlapping [from, to) with their duty managers after overrides (sickness takes
   * them off, a swap or a cover that replaces them hands the role on), as instances with nobody on
   * call. Kept apart from {@link #between}: they are not on-call shifts.
   */
  List<ShiftInstance> officeHoursBetween(Instant from, Instant to) {
    List<ShiftInstance> out = new ArrayList<>();
    LocalDate first = from.atZone(times.zone()).toLocalDate();
    LocalDate last = to.atZone(times.zone()).toLocalDate();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      for (OfficeHours.DatedPeriod dated : rota.officeHours().periodsOn(date, times, holidays)) {
        TimeWindow window = dated.window();
        if (window.overlaps(from, to)) {
          Roles roles = new Roles(new ArrayList<>(), null, dated.period().dutyManager().orElse(null));
          out.addAll(applyOverrides(Optional.empty(), roles, window.start(), window.end()));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** Splits one stretch of roles at the edges of the overrides that touch it and applies them piece by piece. */
  private List<ShiftInstance> applyOverrides(Optional<String> templateId, Roles base, Instant start, Instant end) {
    List<RotaOverride> touching = new ArrayList<>();
    TreeSet<Instant> cuts = new TreeSet<>(List.of(start, end));
    for (RotaOverride override : rota.overrides()) {
      if (override.kind() == RotaOverride.Kind.COVER && override.replaces().isEmpty()) {
        continue; // a plain cover adds its own instance and changes nobody's shift
      }
      TimeWindow window = override.window(times);
      if (window.overlaps(start, end)) {
        touching.add(override);
        if (window.start().isAfter(start)) {
          cuts.add(window.start());
        }
        if (window.end().isBefore(end)) {
          cuts.add(window.end());
        }
      }
    }
    // Replacements first, sickness last: someone who is off sick is off every role.
    touching.sort(Comparator.comparing(o -> o.kind() == RotaOverride.Kind.SICKNESS));

    List<ShiftInstance> pieces = new ArrayList<>();
    Instant pieceStart = null;
    for (Instant cut : cuts) {
      if (pieceStart != null) {
        ShiftInstance piece = staff(templateId, base, pieceStart, cut, touching);
        mergeInto(pieces, piece);
      }
      pieceStart = cut;
    }
    return pieces;
  }

  private ShiftInstance staff(Optional<String> templateId, Roles base, Instant from, Instant to,
      List<RotaOverride> touching) {
    Roles roles = base.copy();
    List<String> applied = new ArrayList<>();
    for (RotaOverride override : touching) {
      TimeWindow window = override.window(times);
      if (window.start().isAfter(from) || window.end().isBefore(to)) {
        continue; // the cuts guarantee a piece is either wholly inside an override or wholly outside
      }
      Roles before = roles.copy();
      switch (override.kind()) {
        case SWAP -> roles.replace(override.replaces().orElseThrow(), override.adviserId());
        case COVER -> roles.remove(override.replaces().orElseThrow());
        case SICKNESS -> roles.remove(override.adviserId());
      }
      if (!roles.equals(before)) {
        applied.add(override.id());
      }
    }
    return new ShiftInstance(templateId, applied, from, to,
        List.copyOf(new LinkedHashSet<>(roles.onCall)), Optional.ofNullable(roles.backup),
        Optional.ofNullable(roles.dutyManager));
  }

  /** Joins a piece to the previous one when nothing differs, so no-op overrides leave no seams. */
  private static void mergeInto(List<ShiftInstance> pieces, ShiftInstance piece) {
    if (!pieces.isEmpty()) {
      ShiftInstance previous = pieces.get(pieces.size() - 1);
      if (previous.end().equals(piece.start())
          && previous.overrideIds().equals(piece.overrideIds())
          && previous.onCall().equals(piece.onCall())
          && previous.backup().equals(piece.backup())
          && previous.dutyManager().equals(piece.dutyManager())) {
        pieces.set(pieces.size() - 1, new ShiftInstance(previous.templateId(),
            previous.overrideIds(), previous.start(), piece.end(), previous.onCall(),
            previous.backup(), previous.dutyManager()));
        return;
      }
    }
    pieces.add(piece);
  }

  /** Mutable working copy of one shift's roles while overrides are applied. */
  private static final class Roles {
    final List<String> onCall;
    String backup;
    String dutyManager;

    Roles(List<String> onCall, String backup, String dutyManager) {
      this.onCall = onCall;
      this.backup = backup;
      this.dutyManager = dutyManager;
    }

    static Roles of(ShiftTemplate template) {
      return new Roles(new ArrayList<>(template.onCall()), template.backup().orElse(null), template.dutyManager().orElse(null));
    }

    Roles copy() {
      return new Roles(new ArrayList<>(onCall), backup, dutyManager);
    }

    void replace(String who, String with) {
      onCall.replaceAll(id -> id.equals(who) ? with : id);
      if (who.equals(backup)) {
        backup = with;
      }
      if (who.equals(dutyManager)) {
        dutyManager = with;
      }
    }

    void remove(String who) {
      onCall.removeIf(who::equals);
      if (who.equals(backup)) {
        backup = null;
      }
      if (who.equals(dutyManager)) {
        dutyManager = null;
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Roles r && onCall.equals(r.onCall)
          && Objects.equals(backup, r.backup) && Objects.equals(dutyManager, r.dutyManager);
    }

    @Override
    public int hashCode() {
      return Objects.hash(onCall, backup, dutyManager);
    }
  }
}
