package uk.harbour.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** What every staff page's layout needs: who is signed in, their menu, and the CSRF token. */
public final class StaffPages {

  private StaffPages() {}

  public static JsonObject model(RoutingContext ctx, JsonObject model) {
    SignedIn user = CurrentUser.required(ctx);
    return model
        .put("user", user.publicJson())
        .put("isAdmin", user.role() == Role.ADMIN)
        .put("canAudit", user.role() == Role.ADMIN || user.role() == Role.MANAGER)
        .put("canAssign", user.role() == Role.ADMIN || user.role() == Role.MANAGER)
        .put("csrfToken", CsrfTokenHandler.token(ctx));
  }
}
