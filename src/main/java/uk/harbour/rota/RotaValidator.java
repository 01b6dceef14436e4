package uk.harbour.rota;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.harbour.web.HarbourException;

/**
 * Checks a rota before it is stored or used, failing with a 400 {@link HarbourException} whose code
 * says what is wrong. The engine assumes a rota has passed here.
 */
public final class RotaValidator {

  public static final int MAX_TEMPLATES = 500;
  public static final int MAX_OVERRIDES = 2000;
  public static final int MAX_CAPACITY = 100;
  /** Longest single override; a longer absence is a change to the pattern, not an override. */
  public static final Duration MAX_OVERRIDE_LENGTH = Duration.ofDays(366);
  /** Ids are stored and shown: letters, digits, '-' and '_' only, so never a Mongo operator or path. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  /**
   * Staff ids are usernames, which may hold a '.' (jo.bennett); safe because the rota stores them
   * only as values (capacity is a list, not a map), never as document keys.
   */
  static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Set<String> knownStaffIds;
  private final Set<String> activeStaffIds;
  private final LocalTimes times;

  /** @param knownStaffIds every adviser and manager id the rota may name, each of whom may be put on it */
  public RotaValidator(Set<String> knownStaffIds, ZoneId zone) {
    this(knownStaffIds, knownStaffIds, zone);
  }

  /**
   * @param knownStaffIds every id the rota may name (disabled accounts too, so an old rota stays editable)
   * @param activeStaffIds those who may be newly put on it
   */
  public RotaValidator(Set<String> knownStaffIds, Set<String> activeStaffIds, ZoneId zone) {
    this.knownStaffIds = Set.copyOf(Objects.requireNonNull(knownStaffIds));
    this.activeStaffIds = Set.copyOf(Objects.requireNonNull(activeStaffIds));
    this.times = new LocalTimes(Objects.requireNonNull(zone));
  }

  /** Returns the rota unchanged if it is sound. */
  public Rota validate(Rota rota) {
    limit(rota.templates().size(), MAX_TEMPLATES, "shift templates");
    limit(rota.overrides().size(), MAX_OVERRIDES, "overrides");
    rota.officeHours().periods().forEach(this::checkPeriod);
    Set<String> templateIds = new HashSet<>();
    for (ShiftTemplate template : rota.templates()) {
      checkTemplate(template);
      unique(templateIds, template.id(), "shift template");
    }
    Set<String> overrideIds = new HashSet<>();
    for (int i = 0; i < rota.overrides().size(); i++) {
      RotaOverride override = rota.overrides().get(i);
      checkOverride(override);
      unique(overrideIds, override.id(), "override");
      checkNoOverlap(override, rota.overrides().subList(0, i));
    }
    checkCapacity(rota.defaultCapacity(), "the default capacity");
    rota.capacity().forEach((adviser, max) -> {
      known(adviser);
      checkCapacity(max, "capacity for " + adviser);
    });
    return rota;
  }

  /**
   * Checks a rota about to replace {@code before}: sound, and nobody disabled put on it. A shift, an
   * override or an office-hours duty manager left as it was may go on naming a disabled account; a
   * new one, or someone newly named in a shift or as an office-hours duty manager, may not.
   */
  public Rota validateChange(Rota before, Rota after) {
    validate(after);
    for (ShiftTemplate template : after.templates()) {
      Set<String> already = before.templates().stream().filter(t -> t.id().equals(template.id())).findFirst()
          .map(RotaValidator::people).orElse(Set.of());
      people(template).stream().filter(id -> !already.contains(id)).forEach(this::active);
    }
    after.overrides().stream().filter(o -> !before.overrides().contains(o)).forEach(this::putsOnSomeoneActive);
    Set<String> officeDutyBefore = officeDutyManagers(before);
    officeDutyManagers(after).stream().filter(id -> !officeDutyBefore.contains(id)).forEach(this::active);
    return after;
  }

  /** Checks one override about to be added to an already valid rota, against those it already has. */
  public RotaOverride validateNewOverride(Rota rota, RotaOverride override) {
    checkOverride(override);
    putsOnSomeoneActive(override);
    limit(rota.overrides().size() + 1, MAX_OVERRIDES, "overrides");
    if (rota.overrides().stream().anyMatch(o -> o.id().equals(override.id()))) {
      throw HarbourException.badRequest("duplicate_id", "An override with this id already exists.");
    }
    checkNoOverlap(override, rota.overrides());
    return override;
  }

  private void checkPeriod(OfficeHours.Period period) {
    period.dutyManager().ifPresent(this::known);
    if (period.days().isEmpty()) {
      throw HarbourException.badRequest("no_days", "An office-hours period needs at least one day.");
    }
    if (!period.end().isAfter(period.start())) {
      throw HarbourException.badRequest("end_before_start",
          "Office hours must end after they start on the same day.");
    }
  }

  private void checkTemplate(ShiftTemplate template) {
    checkId(template.id(), "shift template id");
    if (template.onCall().isEmpty()) {
      throw HarbourException.badRequest("no_on_call_adviser",
          "Shift '" + template.id() + "' has nobody on call.");
    }
    template.onCall().forEach(this::known);
    template.backup().ifPresent(this::known);
    template.dutyManager().ifPresent(this::known);
  }

  private void checkOverride(RotaOverride override) {
    checkId(override.id(), "override id");
    known(override.adviserId());
    override.replaces().ifPresent(this::known);
    exists(override.start());
    exists(override.end());
    if (!override.end().isAfter(override.start())) {
      throw HarbourException.badRequest("end_before_start", "An override must end after it starts.");
    }
    if (Duration.between(override.start(), override.end()).compareTo(MAX_OVERRIDE_LENGTH) > 0) {
      throw HarbourException.badRequest("override_too_long",
          "An override may last at most " + MAX_OVERRIDE_LENGTH.toDays() + " days.");
    }
    Optional<String> replaces = override.replaces();
    switch (override.kind()) {
      case SWAP -> {
        if (replaces.isEmpty()) {
          throw HarbourException.badRequest("missing_replaces", "A swap must say whom it replaces.");
        }
      }
      case SICKNESS -> {
        if (replaces.isPresent()) {
          throw HarbourException.badRequest("bad_override", "Sickness does not replace anyone.");
        }
      }
      case COVER -> { }
    }
    if (replaces.isPresent() && replaces.get().equals(override.adviserId())) {
      throw HarbourException.badRequest("bad_override", "An adviser cannot replace themselves.");
    }
  }

  /**
   * One adviser, one override at a time: two at once would contradict each other. Judged on the
   * wall-clock times as written: on the fall-back night an end takes the later offset and a start
   * the earlier, so as instants two changes meeting at 01:30 would seem to overlap by an hour.
   */
  private void checkNoOverlap(RotaOverride override, List<RotaOverride> others) {
    for (RotaOverride other : others) {
      if (other.adviserId().equals(override.adviserId())
          && other.start().isBefore(override.end()) && override.start().isBefore(other.end())) {
        throw HarbourException.badRequest("override_overlap", "Override '" + override.id()
            + "' overlaps override '" + other.id() + "' for the same adviser.");
      }
    }
  }

  /** A cover or a swap puts its adviser on; sickness takes them off, and may name anyone still on an old shift. */
  private void putsOnSomeoneActive(RotaOverride override) {
    if (override.kind() != RotaOverride.Kind.SICKNESS) {
      active(override.adviserId());
    }
  }

  private static Set<String> officeDutyManagers(Rota rota) {
    Set<String> managers = new HashSet<>();
    rota.officeHours().periods().forEach(period -> period.dutyManager().ifPresent(managers::add));
    return managers;
  }

  private static Set<String> people(ShiftTemplate template) {
    Set<String> people = new HashSet<>(template.onCall());
    template.backup().ifPresent(people::add);
    template.dutyManager().ifPresent(people::add);
    return people;
  }

  /** Disabled accounts stay known (old entries keep naming them) but are not put on the rota again. */
  private void active(String staffId) {
    if (!activeStaffIds.contains(staffId)) {
      throw HarbourException.badRequest("unknown_adviser", "'" + staffId + "' is disabled: only active staff can be put on the rota.");
    }
  }

  private void exists(LocalDateTime local) {
    if (!times.exists(local)) {
      throw HarbourException.badRequest("nonexistent_local_time", local
          + " does not exist in " + times.zone() + ": the clocks go forward then.");
    }
  }

  private void known(String staffId) {
    if (!STAFF_ID.matcher(staffId).matches()) {
      throw HarbourException.badRequest("bad_id",
          "The adviser id must be 1-64 letters, digits, '.', '-' or '_'.");
    }
    if (!knownStaffIds.contains(staffId)) {
      throw HarbourException.badRequest("unknown_adviser", "No adviser or manager has id '" + staffId + "'.");
    }
  }

  static void checkId(String id, String what) {
    if (!ID.matcher(id).matches()) {
      throw HarbourException.badRequest("bad_id",
          "The " + what + " must be 1-64 letters, digits, '-' or '_'.");
    }
  }

  private static void unique(Set<String> seen, String id, String what) {
    if (!seen.add(id)) {
      throw HarbourException.badRequest("duplicate_id", "Two " + what + "s share the id '" + id + "'.");
    }
  }

  private static void limit(int size, int max, String what) {
    if (size > max) {
      throw HarbourException.badRequest("too_many", "At most " + max + " " + what + " are allowed.");
    }
  }

  private static void checkCapacity(int capacity, String what) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw HarbourException.badRequest("bad_capacity",
          what + " must be between 1 and " + MAX_CAPACITY + ".");
    }
  }
}
