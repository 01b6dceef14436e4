package uk.harbour.rota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.web.HarbourException;

/**
 * Answers "who is on call" questions for one rota. Pure: no clock, no I/O; every answer is a
 * function of the rota, the bank holidays and the instant asked about.
 */
public final class RotaEngine {

  /** How far ahead the engine looks for the next change or the next cover. */
  public static final Duration SEARCH_HORIZON = Duration.ofDays(14);
  /** Longest span {@link #gaps} accepts, so a request cannot make it walk for ever. */
  public static final int MAX_GAP_RANGE_DAYS = 366;

  private final Rota rota;
  private final BankHolidays holidays;
  private final LocalTimes times;
  private final ShiftExpander expander;

  public RotaEngine(Rota rota, BankHolidays holidays, ZoneId zone) {
    this.rota = Objects.requireNonNull(rota);
    this.holidays = Objects.requireNonNull(holidays);
    this.times = new LocalTimes(Objects.requireNonNull(zone));
    this.expander = new ShiftExpander(rota, holidays, times);
  }

  public Rota rota() {
    return rota;
  }

  public boolean isOfficeHours(Instant t) {
    return rota.officeHours().isOfficeHours(t, times, holidays);
  }

  /** Concrete shifts overlapping [from, to), after overrides, in start order. */
  public List<ShiftInstance> shiftsBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw HarbourException.badRequest("end_before_start", "The end must be after the start.");
    }
    return expander.between(from, to);
  }

  /**
   * Office hours overlapping [from, to), split where an override changes their duty manager; each
   * has nobody on call and at most a duty manager (the week view).
   */
  public List<ShiftInstance> officeHoursBetween(Instant from, Instant to) {
    return expander.officeHoursBetween(from, to);
  }

  public OnCall onCallAt(Instant t) {
    Instant horizon = t.plus(SEARCH_HORIZON);
    Timeline timeline = timeline(t, horizon);
    Snapshot now = timeline.at(t);
    Instant until = horizon;
    for (Instant change : timeline.boundariesAfter(t)) {
      if (!timeline.at(change).equals(now)) {
        until = change;
        break;
      }
    }
    return new OnCall(t, now.officeHours(), now.onCall(), now.backup(), now.dutyManagers(), until);
  }

  /**
   * When somebody is next on call: {@code t} itself if someone already is, else the first instant
   * within {@link #SEARCH_HORIZON} that has cover; empty if none does.
   */
  public Optional<Instant> nextCoverStart(Instant t) {
    List<ShiftInstance> shifts = expander.between(t, t.plus(SEARCH_HORIZON));
    return shifts.stream()
        .filter(s -> !s.onCall().isEmpty())
        .map(s -> s.start().isBefore(t) ? t : s.start())
        .min(Instant::compareTo);
  }

  /**
   * The end of the adviser's unbroken on-call stretch that includes {@code t} (following shifts
   * that overlap or meet), for handover; empty if they are not on call at {@code t}.
   */
  public Optional<Instant> shiftEndFor(String adviserId, Instant t) {
    List<ShiftInstance> theirs = expander.between(t, t.plus(SEARCH_HORIZON)).stream()
        .filter(s -> s.onCall().contains(adviserId))
        .toList();
    Optional<Instant> end = theirs.stream()
        .filter(s -> s.isActiveAt(t)).map(ShiftInstance::end).max(Instant::compareTo);
    if (end.isEmpty()) {
      return end;
    }
    Instant stretchEnd = end.get();
    boolean extended = true;
    while (extended) {
      extended = false;
      for (ShiftInstance shift : theirs) {
        if (!shift.start().isAfter(stretchEnd) && shift.end().isAfter(stretchEnd)) {
          stretchEnd = shift.end();
          extended = true;
        }
      }
    }
    return Optional.of(stretchEnd);
  }

  /**
   * Stretches where a rung of cover is missing, by local date: outside office hours nobody on call,
   * or someone on call with no backup or no duty manager behind them; in office hours no duty
   * manager behind the young people's own PAs. Each kind is merged where it touches itself.
   * Everyone the rota names counts as cover: see the overload for disabled accounts.
   */
  public List<CoverageGap> gaps(LocalDate from, LocalDate toInclusive) {
    return gaps(from, toInclusive, id -> true);
  }

  /**
   * As {@link #gaps(LocalDate, LocalDate)}, but someone not {@code active} (a disabled account
   * still named by an old shift) is nobody: a stretch whose only on-call people are disabled is a
   * {@link CoverageGap.Kind#NOBODY_ON_CALL} gap.
   */
  public List<CoverageGap> gaps(LocalDate from, LocalDate toInclusive, Predicate<String> active) {
    if (toInclusive.isBefore(from)) {
      throw HarbourException.badRequest("end_before_start", "The last date is before the first.");
    }
    if (ChronoUnit.DAYS.between(from, toInclusive) >= MAX_GAP_RANGE_DAYS) {
      throw HarbourException.badRequest("range_too_long",
          "Ask for at most " + MAX_GAP_RANGE_DAYS + " days of gaps at a time.");
    }
    Instant start = times.startOf(from.atStartOfDay());
    Instant end = times.startOf(toInclusive.plusDays(1).atStartOfDay());
    Timeline timeline = timeline(start, end);
    List<Instant> points = new ArrayList<>();
    points.add(start);
    points.addAll(timeline.boundariesAfter(start));
    points.add(end);

    Map<CoverageGap.Kind, List<CoverageGap>> byKind = new EnumMap<>(CoverageGap.Kind.class);
    for (int i = 0; i + 1 < points.size(); i++) {
      Instant segmentStart = points.get(i);
      Instant segmentEnd = points.get(i + 1);
      for (CoverageGap.Kind kind : gapKinds(timeline.at(segmentStart).onlyThe(active))) {
        addOrExtend(byKind.computeIfAbsent(kind, k -> new ArrayList<>()), new CoverageGap(kind, segmentStart, segmentEnd));
      }
    }
    List<CoverageGap> gaps = new ArrayList<>();
    byKind.values().forEach(gaps::addAll);
    gaps.sort(Comparator.comparing(CoverageGap::start).thenComparing(CoverageGap::kind));
    return gaps;
  }

  private static List<CoverageGap.Kind> gapKinds(Snapshot snapshot) {
    if (snapshot.officeHours()) {
      return snapshot.dutyManagers().isEmpty() ? List.of(CoverageGap.Kind.NO_DUTY_MANAGER) : List.of();
    }
    if (snapshot.onCall().isEmpty()) {
      return List.of(CoverageGap.Kind.NOBODY_ON_CALL);
    }
    List<CoverageGap.Kind> kinds = new ArrayList<>();
    // Two or more on call stand behind each other; one alone needs a backup.
    if (snapshot.backup().isEmpty() && snapshot.onCall().size() < 2) {
      kinds.add(CoverageGap.Kind.NO_BACKUP);
    }
    if (snapshot.dutyManagers().isEmpty()) {
      kinds.add(CoverageGap.Kind.NO_DUTY_MANAGER);
    }
    return kinds;
  }

  private static void addOrExtend(List<CoverageGap> gaps, CoverageGap gap) {
    if (!gaps.isEmpty()) {
      CoverageGap last = gaps.get(gaps.size() - 1);
      if (last.end().equals(gap.start())) {
        gaps.set(gaps.size() - 1, new CoverageGap(last.kind(), last.start(), gap.end()));
        return;
      }
    }
    gaps.add(gap);
  }

  private Timeline timeline(Instant from, Instant to) {
    List<ShiftInstance> shifts = expander.between(from, to);
    List<TimeWindow> office = new ArrayList<>();
    LocalDate first = from.atZone(times.zone()).toLocalDate();
    LocalDate last = to.atZone(times.zone()).toLocalDate();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      office.addAll(rota.officeHours().windowsOn(date, times, holidays));
    }
    return new Timeline(shifts, office, expander.officeHoursBetween(from, to), to);
  }

  /** What is true at one instant; compared to find when "the set next changes". */
  private record Snapshot(boolean officeHours, List<String> onCall, List<String> backup,
      List<String> dutyManagers) {

    Snapshot onlyThe(Predicate<String> active) {
      return new Snapshot(officeHours, onCall.stream().filter(active).toList(), backup.stream().filter(active).toList(),
          dutyManagers.stream().filter(active).toList());
    }
  }

  /**
   * The shifts, office-hours windows and office-hours duty managers of a stretch of time, and every
   * instant where any of them changes.
   */
  private record Timeline(List<ShiftInstance> shifts, List<TimeWindow> office, List<ShiftInstance> officeDuty, Instant limit) {

    Snapshot at(Instant t) {
      Set<String> onCall = new LinkedHashSet<>();
      Set<String> backup = new LinkedHashSet<>();
      Set<String> managers = new LinkedHashSet<>();
      for (ShiftInstance shift : shifts) {
        if (shift.isActiveAt(t)) {
          onCall.addAll(shift.onCall());
          shift.backup().ifPresent(backup::add);
          shift.dutyManager().ifPresent(managers::add);
        }
      }
      backup.removeAll(onCall);
      boolean officeHours = office.stream().anyMatch(w -> w.contains(t));
      for (ShiftInstance duty : officeDuty) {
        if (duty.isActiveAt(t)) {
          duty.dutyManager().ifPresent(managers::add);
        }
      }
      return new Snapshot(officeHours, List.copyOf(onCall), List.copyOf(backup),
          List.copyOf(managers));
    }

    /** Boundaries strictly after {@code t} and strictly before the limit, in order. */
    TreeSet<Instant> boundariesAfter(Instant t) {
      TreeSet<Instant> all = new TreeSet<>();
      for (ShiftInstance shift : shifts) {
        all.add(shift.start());
        all.add(shift.end());
      }
      for (TimeWindow window : office) {
        all.add(window.start());
        all.add(window.end());
      }
      for (ShiftInstance duty : officeDuty) {
        all.add(duty.start());
        all.add(duty.end());
      }
      TreeSet<Instant> after = new TreeSet<>(all.tailSet(t, false));
      after.removeIf(i -> !i.isBefore(limit));
      return after;
    }
  }
}
