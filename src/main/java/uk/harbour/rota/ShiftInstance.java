package uk.harbour.rota;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A concrete stretch of on-call cover after overrides. A template's shift that an override changes
 * part-way through is split at the override's edges; a COVER becomes an instance of its own with no
 * template. {@code onCall} may be empty when sickness took everyone off: the week view shows that.
 */
public record ShiftInstance(
    Optional<String> templateId,
    List<String> overrideIds,
    Instant start,
    Instant end,
    List<String> onCall,
    Optional<String> backup,
    Optional<String> dutyManager) {

  public ShiftInstance {
    Objects.requireNonNull(templateId);
    overrideIds = List.copyOf(Objects.requireNonNull(overrideIds));
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    onCall = List.copyOf(Objects.requireNonNull(onCall));
    Objects.requireNonNull(backup);
    Objects.requireNonNull(dutyManager);
  }

  public boolean isActiveAt(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** Template id, else the id of the COVER that made it; used for a stable order. */
  String sourceId() {
    return templateId.orElseGet(() -> overrideIds.isEmpty() ? "" : overrideIds.get(0));
  }
}
