package uk.harbour.rota;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A council's whole rota: office hours, the weekly on-call pattern, dated overrides, how many
 * active conversations each adviser may hold, and which weekday's pattern a bank holiday follows.
 */
public record Rota(
    OfficeHours officeHours,
    List<ShiftTemplate> templates,
    List<RotaOverride> overrides,
    Map<String, Integer> capacity,
    int defaultCapacity,
    DayOfWeek bankHolidayPattern) {

  public Rota {
    Objects.requireNonNull(officeHours);
    templates = List.copyOf(Objects.requireNonNull(templates));
    overrides = List.copyOf(Objects.requireNonNull(overrides));
    // Sorted so JSON output and equality do not depend on insertion order.
    capacity = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(capacity)));
    Objects.requireNonNull(bankHolidayPattern);
  }

  /** Maximum active conversations for an adviser: their own figure, else the default. */
  public int capacityOf(String adviserId) {
    return capacity.getOrDefault(adviserId, defaultCapacity);
  }

  /** A copy with one more override; validate it first with {@link RotaValidator#validateNewOverride}. */
  public Rota withOverride(RotaOverride override) {
    List<RotaOverride> more = new ArrayList<>(overrides);
    more.add(Objects.requireNonNull(override));
    return new Rota(officeHours, templates, more, capacity, defaultCapacity, bankHolidayPattern);
  }

  public Rota withoutOverride(String overrideId) {
    List<RotaOverride> fewer = overrides.stream().filter(o -> !o.id().equals(overrideId)).toList();
    return new Rota(officeHours, templates, fewer, capacity, defaultCapacity, bankHolidayPattern);
  }
}
