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
import uk.harbour.identity.LoginThrottle.Attempt;
import uk.harbour.web.HarbourException;

/**
 * Staff sign-in: slowed per account and per address but never locked ({@link SignInGuard}), one
 * generic failure message, the same hashing cost whether or not the account exists, and a second
 * factor where it is required.
 */
public final class StaffSignIn {

  static final String GENERIC_FAILURE = "That username and password did not match. Please try again.";

  private final StaffRepository staff;
  private final PasswordHashing hashing;
  private final SignInGuard guard;
  private final TotpCheck totp;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean requireTotpForManagers;

  public StaffSignIn(
      StaffRepository staff,
      PasswordHashing hashing,
      LoginThrottle throttle,
      KnownBrowsers browsers,
      TotpCheck totp,
      AuditLog audit,
      Clock clock,
      boolean requireTotpForManagers) {
    this.staff = Objects.requireNonNull(staff);
    this.hashing = Objects.requireNonNull(hashing);
    this.guard = new SignInGuard(throttle, browsers, audit);
    this.totp = Objects.requireNonNull(totp);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
    this.requireTotpForManagers = requireTotpForManagers;
  }

  /** The throttle's (and known browsers') key for a staff username. */
  public static String account(String username) {
    return "staff:" + username.toLowerCase(Locale.ROOT);
  }

  /**
   * @param browserToken the known-browser cookie the request carried, if any
   */
  public Future<SignedIn> signIn(String rawUsername, String password, Optional<String> code, String address, Optional<String> browserToken) {
    String username = rawUsername.toLowerCase(Locale.ROOT);
    return guard
        .admit(account(username), address, browserToken)
        .compose(
            attempt ->
                staff
                    .find(username)
                    .compose(
                        found ->
                            hashing
                                .verify(password, found.map(StaffAccount::passwordHash))
                                .compose(matches -> decide(found, matches, code, username, attempt))));
  }

  private Future<SignedIn> decide(Optional<StaffAccount> found, boolean matches, Optional<String> code, String username, Attempt attempt) {
    if (found.isEmpty() || !matches || !found.get().active()) {
      return fail(attempt, username, "password");
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
        return fail(attempt, username, "code");
      }
    }
    guard.succeeded(attempt);
    SignedIn user = new SignedIn(account.username(), account.role(), account.displayName(), account.team(), clock.instant());
    return audit
        .append(new Actor(user.id(), user.role().name(), attempt.address()), AuditAction.SIGN_IN, user.id(), new JsonObject())
        .map(user);
  }

  private Future<SignedIn> fail(Attempt attempt, String username, String factor) {
    return guard.failed(attempt, username, new JsonObject().put("factor", factor), new HarbourException(401, "sign_in_failed", GENERIC_FAILURE));
  }
}
