package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.web.HarbourException;

/**
 * Staff sign-in: throttled per account and per address, one generic failure message, the same
 * hashing cost whether or not the account exists, and a second factor where it is required.
 */
public final class StaffSignIn {

  static final String GENERIC_FAILURE = "That username and password did not match. Please try again.";

  private final StaffRepository staff;
  private final PasswordHashing hashing;
  private final LoginThrottle throttle;
  private final TotpCheck totp;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean requireTotpForManagers;

  public StaffSignIn(
      StaffRepository staff,
      PasswordHashing hashing,
      LoginThrottle throttle,
      TotpCheck totp,
      AuditLog audit,
      Clock clock,
      boolean requireTotpForManagers) {
    this.staff = Objects.requireNonNull(staff);
    this.hashing = Objects.requireNonNull(hashing);
    this.throttle = Objects.requireNonNull(throttle);
    this.totp = Objects.requireNonNull(totp);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
    this.requireTotpForManagers = requireTotpForManagers;
  }

  public Future<SignedIn> signIn(String rawUsername, String password, Optional<String> code, String address) {
    String username = rawUsername.toLowerCase(Locale.ROOT);
    Optional<java.time.Instant> locked = throttle.lockedUntil(username, address);
    if (locked.isPresent()) {
      return audit
          .append(Actor.anonymous(address), AuditAction.LOCKED_OUT, username, new JsonObject().put("until", locked.get().toString()))
          .transform(r -> Future.failedFuture(lockedOut()));
    }
    return staff
        .find(username)
        .compose(
            found ->
                hashing
                    .verify(password, found.map(StaffAccount::passwordHash))
                    .compose(matches -> decide(found, matches, code, username, address)));
  }

  private Future<SignedIn> decide(Optional<StaffAccount> found, boolean matches, Optional<String> code, String username, String address) {
    if (found.isEmpty() || !matches || !found.get().active()) {
      return fail(username, address, "password");
    }
    StaffAccount account = found.get();
    boolean needsCode = account.totpSecret().isPresent() || (requireTotpForManagers && account.role() != Role.ADVISER);
    if (needsCode) {
      if (account.totpSecret().isEmpty()) {
        return Future.failedFuture(
            HarbourException.forbidden("Your account needs a second factor set up. Please ask an admin."));
      }
      if (code.isEmpty()) {
        return Future.failedFuture(new HarbourException(401, "code_required", "Enter the 6-digit code from your authenticator app."));
      }
      if (!totp.verify(account.totpSecret().get(), code.get())) {
        return fail(username, address, "code");
      }
    }
    throttle.succeeded(username, address);
    SignedIn user = new SignedIn(account.username(), account.role(), account.displayName(), account.team(), clock.instant());
    return audit
        .append(new Actor(user.id(), user.role().name(), address), AuditAction.SIGN_IN, user.id(), new JsonObject())
        .map(user);
  }

  private Future<SignedIn> fail(String username, String address, String factor) {
    boolean nowLocked = throttle.failed(username, address);
    Future<?> logged =
        audit.append(Actor.anonymous(address), AuditAction.SIGN_IN_FAILED, username, new JsonObject().put("factor", factor));
    if (nowLocked) {
      logged = logged.compose(v -> audit.append(Actor.anonymous(address), AuditAction.LOCKED_OUT, username, new JsonObject()));
    }
    return logged.transform(r -> Future.failedFuture(nowLocked ? lockedOut() : new HarbourException(401, "sign_in_failed", GENERIC_FAILURE)));
  }

  static HarbourException lockedOut() {
    return new HarbourException(
        429, "locked_out", "Too many tries. For your safety, sign-in is paused for a while. Please try again later.");
  }
}
