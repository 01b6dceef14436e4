package uk.harbour.rota;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who is on call at one instant. Lists are de-duplicated and in a stable order (earlier-starting
 * shift first, then pattern order); nobody on call is left out of {@code backup}. {@code until} is
 * the next instant at which any of this changes (office hours included); if nothing changes within
 * the engine's search horizon it is {@code at} plus that horizon, a time to look again.
 */
public record OnCall(
    Instant at,
    boolean officeHours,
    List<String> onCall,
    List<String> backup,
    List<String> dutyManagers,
    Instant until) {

  public OnCall {
    Objects.requireNonNull(at);
    onCall = List.copyOf(Objects.requireNonNull(onCall));
    backup = List.copyOf(Objects.requireNonNull(backup));
    dutyManagers = List.copyOf(Objects.requireNonNull(dutyManagers));
    Objects.requireNonNull(until);
  }

  public boolean anyoneOnCall() {
    return !onCall.isEmpty();
  }
}
