package uk.harbour.routing;

import io.vertx.ext.web.Router;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;

/** {@code GET /api/on-call}: who is on call now and next, shaped for whoever asks. */
public final class OnCallRoutes {

  private final OnCallView view;

  public OnCallRoutes(OnCallView view) {
    this.view = Objects.requireNonNull(view);
  }

  public void mount(Router router) {
    router
        .get("/api/on-call")
        .handler(RequireRole.of(Role.CARE_LEAVER, Role.ADVISER, Role.MANAGER, Role.ADMIN))
        .handler(ctx -> view.fresh(CurrentUser.required(ctx)).onSuccess(ctx::json).onFailure(ctx::fail));
  }
}
