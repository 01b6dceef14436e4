package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.LoginThrottle.Attempt;
import uk.harbour.identity.LoginThrottle.Failure;
import uk.harbour.web.HarbourException;
import uk.harbour.web.RetryLater;

/**
 * The throttled part of every sign-in, staff and young people alike: a try goes ahead or is answered
 * 429 with how long to wait (before any password is checked, so known and unknown names answer
 * alike), and what each try did is recorded and audited.
 */
final class SignInGuard {

  private final LoginThrottle throttle;
  private final KnownBrowsers browsers;
  private final AuditLog audit;

  SignInGuard(LoginThrottle throttle, KnownBrowsers browsers, AuditLog audit) {
    this.throttle = Objects.requireNonNull(throttle);
    this.browsers = Objects.requireNonNull(browsers);
    this.audit = Objects.requireNonNull(audit);
  }

  /** The try, or a failed future with a 429 when it must wait. */
  Future<Attempt> admit(String account, String address, Optional<String> browserToken) {
    return browsers
        .recognise(browserToken, account)
        .compose(known -> admit(Attempt.onAccount(account, address, known)));
  }

  Future<Attempt> admit(Attempt attempt) {
    Optional<Duration> wait = throttle.admit(attempt);
    return wait.isPresent() ? Future.failedFuture(tooManyAttempts(wait.get())) : Future.succeededFuture(attempt);
  }

  /** Records a failed try, audits it (and the start of a slow-down), and fails with {@code answer}. */
  <T> Future<T> failed(Attempt attempt, String subject, JsonObject details, HarbourException answer) {
    Failure failure = throttle.failed(attempt);
    Actor actor = Actor.anonymous(attempt.address());
    Future<?> done = audit.append(actor, AuditAction.SIGN_IN_FAILED, subject, details);
    if (failure.accountSlowedNow() || failure.addressSlowedNow()) {
      JsonObject slowed = new JsonObject().put("account", failure.accountSlowedNow()).put("address", failure.addressSlowedNow());
      done = done.compose(v -> audit.append(actor, AuditAction.SIGN_IN_SLOWED, subject, slowed));
    }
    if (failure.browserSpent()) {
      done = done.compose(v -> browsers.forget(attempt.knownBrowser().orElseThrow(), attempt.account().orElseThrow()));
    }
    return done.transform(r -> Future.failedFuture(answer));
  }

  void succeeded(Attempt attempt) {
    throttle.succeeded(attempt);
  }

  static RetryLater tooManyAttempts(Duration wait) {
    return new RetryLater(
        "too_many_attempts", "Too many tries. For your safety, please wait " + inWords(wait) + " and try again.", wait);
  }

  private static String inWords(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (seconds < 60) {
      return seconds == 1 ? "a second" : seconds + " seconds";
    }
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
