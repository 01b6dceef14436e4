package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.web.HarbourException;

/** Admins create, enable and disable staff; anyone signed in can sign out everywhere. */
public final class StaffAccounts {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

  private final StaffRepository staff;
  private final PasswordHashing hashing;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final SignOuts signOuts;
  private final Clock clock;

  public StaffAccounts(StaffRepository staff, PasswordHashing hashing, PasswordPolicy policy, AuditLog audit, SignOuts signOuts, Clock clock) {
    this.staff = Objects.requireNonNull(staff);
    this.hashing = Objects.requireNonNull(hashing);
    this.policy = Objects.requireNonNull(policy);
    this.audit = Objects.requireNonNull(audit);
    this.signOuts = Objects.requireNonNull(signOuts);
    this.clock = Objects.requireNonNull(clock);
  }

  public record NewStaff(String username, String displayName, Role role, String team, String password) {}

  public Future<StaffAccount> create(Actor by, NewStaff request) {
    String username = request.username().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      return Future.failedFuture(
          HarbourException.badRequest("bad_username", "Usernames are 2-40 letters, numbers, dots, dashes or underscores."));
    }
    if (!request.role().isStaff()) {
      return Future.failedFuture(HarbourException.badRequest("bad_role", "Staff must be an adviser, manager or admin."));
    }
    try {
      policy.check(request.password(), username);
    } catch (HarbourException e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    return hashing
        .hash(request.password())
        .map(hash -> new StaffAccount(username, request.displayName(), request.role(), request.team(), true, hash, Optional.empty(), now, Instant.EPOCH))
        .compose(staff::insert)
        .compose(
            account ->
                audit
                    .append(by, AuditAction.STAFF_CREATED, username, new JsonObject().put("role", account.role().name()).put("team", account.team()))
                    .map(account));
  }

  public Future<StaffAccount> setActive(Actor by, String username, boolean active) {
    if (by.id().equals(username) && !active) {
      return Future.failedFuture(HarbourException.badRequest("self_disable", "You cannot disable your own account."));
    }
    return staff
        .find(username)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such staff account."))))
        .compose(account -> staff.update(active ? account.withActive(true) : account.withActive(false).withSessionsValidAfter(clock.instant())))
        .compose(
            account -> {
              if (!active) {
                signOuts.everywhere(username);
              }
              signOuts.staffChanged(username);
              return audit.append(by, AuditAction.STAFF_CHANGED, username, new JsonObject().put("active", active)).map(account);
            });
  }

  /** Ends every session of this staff member, on every device. */
  public Future<Void> signOutEverywhere(Actor by, String username) {
    return staff
        .find(username)
        .compose(found -> found.map(a -> staff.update(a.withSessionsValidAfter(clock.instant()))).orElse(Future.succeededFuture()))
        .compose(
            v -> {
              signOuts.everywhere(username);
              return audit.append(by, AuditAction.SIGN_OUT_EVERYWHERE, username, new JsonObject()).mapEmpty();
            });
  }

  public Future<List<StaffAccount>> all() {
    return staff.all();
  }
}
