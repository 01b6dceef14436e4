package uk.harbour.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a stored session still signs its person in: within Harbour's time limits, and the
 * account still active and not signed out everywhere since. Used for HTTP and WebSocket alike.
 */
public final class SessionCheck {

  public enum Outcome { VALID, EXPIRED, ENDED }

  private final SessionLimits limits;
  private final AccountLookup accounts;

  public SessionCheck(SessionLimits limits, AccountLookup accounts) {
    this.limits = Objects.requireNonNull(limits);
    this.accounts = Objects.requireNonNull(accounts);
  }

  public Instant now() {
    return limits.now();
  }

  public Future<Outcome> check(SignedIn user, Long lastSeenMillis) {
    Instant lastSeen = lastSeenMillis == null ? user.signedInAt() : Instant.ofEpochMilli(lastSeenMillis);
    if (limits.expired(user, lastSeen, limits.now())) {
      return Future.succeededFuture(Outcome.EXPIRED);
    }
    return accounts.stillValid(user).map(valid -> valid ? Outcome.VALID : Outcome.ENDED);
  }
}
