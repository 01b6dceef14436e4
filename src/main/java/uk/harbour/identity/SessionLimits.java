package uk.harbour.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Harbour's own session limits, on the injected clock: staff sessions end after an idle spell and
 * after an absolute limit. A young person's session may lapse too; their device cookie renews it.
 */
public final class SessionLimits {

  private final Clock clock;
  private final Duration staffIdle;
  private final Duration staffAbsolute;
  private final Duration careLeaverIdle;

  public SessionLimits(Clock clock, Duration staffIdle, Duration staffAbsolute, Duration careLeaverIdle) {
    this.clock = Objects.requireNonNull(clock);
    this.staffIdle = Objects.requireNonNull(staffIdle);
    this.staffAbsolute = Objects.requireNonNull(staffAbsolute);
    this.careLeaverIdle = Objects.requireNonNull(careLeaverIdle);
  }

  public Instant now() {
    return clock.instant();
  }

  public boolean expired(SignedIn user, Instant lastSeen, Instant now) {
    if (user.role().isStaff()) {
      return !now.isBefore(lastSeen.plus(staffIdle)) || !now.isBefore(user.signedInAt().plus(staffAbsolute));
    }
    return !now.isBefore(lastSeen.plus(careLeaverIdle));
  }
}
