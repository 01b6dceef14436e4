package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;

/** The identity feature's services, built once and shared by its routes. */
public record Identity(
    StaffSignIn staffSignIn,
    StaffAccounts staffAccounts,
    YoungPeople youngPeople,
    Onboarding onboarding,
    DeviceSessions devices,
    KnownBrowsers knownBrowsers,
    AuthenticationHandler authentication,
    AuditLog audit,
    Clock clock) {

  /** Where a request came from, for throttling and the audit log. */
  public static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  /** Starts a staff member's session after sign-in; the browser becomes known for their account. */
  public Future<SignedIn> startStaffSession(RoutingContext ctx, SignedIn user) {
    return knownBrowsers
        .remember(ctx, StaffSignIn.account(user.id()))
        .map(
            v -> {
              AuthenticationHandler.establish(ctx, user, clock.instant());
              return user;
            });
  }

  /**
   * Starts a young person's session after sign-in or joining: this phone stays signed in, and the
   * browser becomes known for their sign-in name.
   */
  public Future<SignedIn> startYoungPersonSession(RoutingContext ctx, CareLeaver person) {
    SignedIn user = new SignedIn(person.id(), Role.CARE_LEAVER, person.firstName(), person.team(), clock.instant());
    AuthenticationHandler.establish(ctx, user, user.signedInAt());
    return devices
        .remember(ctx, person)
        .compose(v -> knownBrowsers.remember(ctx, Onboarding.account(person.loginName().orElseThrow())))
        .map(user);
  }

  public static Actor actor(RoutingContext ctx) {
    SignedIn user = CurrentUser.required(ctx);
    return new Actor(user.id(), user.role().name(), address(ctx));
  }
}
