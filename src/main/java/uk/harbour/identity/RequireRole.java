package uk.harbour.identity;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import uk.harbour.web.HarbourException;

/**
 * Lets a request through only for the given roles. Signed out: 401 for the API, or a redirect to
 * the right sign-in page; signed in with another role: 403.
 */
public final class RequireRole implements Handler<RoutingContext> {

  private final Set<Role> roles;

  private RequireRole(Set<Role> roles) {
    this.roles = roles;
  }

  public static RequireRole of(Role first, Role... rest) {
    return new RequireRole(EnumSet.of(first, rest));
  }

  public static RequireRole staff() {
    return of(Role.ADVISER, Role.MANAGER, Role.ADMIN);
  }

  @Override
  public void handle(RoutingContext ctx) {
    SignedIn user = CurrentUser.get(ctx).orElse(null);
    if (user == null) {
      if (ctx.request().path().startsWith("/api/") || ctx.request().path().equals("/ws")) {
        ctx.fail(HarbourException.unauthorized("Please sign in first."));
      } else {
        String signIn = roles.contains(Role.CARE_LEAVER) && roles.size() == 1 ? "/signin/young-person" : "/signin";
        ctx.redirect(signIn + (Boolean.TRUE.equals(ctx.get("sessionExpired")) ? "?expired=1" : ""));
      }
      return;
    }
    if (!roles.contains(user.role())) {
      ctx.fail(HarbourException.forbidden("You do not have access to this."));
      return;
    }
    ctx.next();
  }
}
