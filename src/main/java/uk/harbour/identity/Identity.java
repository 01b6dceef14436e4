package uk.harbour.identity;

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
    AuthenticationHandler authentication,
    AuditLog audit,
    Clock clock) {

  /** Where a request came from, for throttling and the audit log. */
  public static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  public static Actor actor(RoutingContext ctx) {
    SignedIn user = CurrentUser.required(ctx);
    return new Actor(user.id(), user.role().name(), address(ctx));
  }
}
