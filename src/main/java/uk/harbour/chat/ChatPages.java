package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffPages;
import uk.harbour.web.Pages;

/**
 * The care leaver's chat page and the staff console; both talk to {@code /ws} ({@link ChatUpgrade}).
 * Also the chat's service worker and the offline page it serves when a page cannot load.
 */
public final class ChatPages {

  private final Pages pages;

  public ChatPages(Pages pages) {
    this.pages = Objects.requireNonNull(pages);
  }

  public void mount(Router router) {
    // At the site's root, so the worker may answer for every page (a worker's scope is its folder).
    router.get("/sw.js").handler(ctx -> ctx.reroute("/static/js/sw.js"));
    // Cached by the worker, so it is the same for everyone: nothing personal, no sign-in.
    router.get("/offline").handler(ctx -> pages.send(ctx, 200, "offline", new JsonObject()).onFailure(ctx::fail));
    router
        .get("/chat")
        .handler(RequireRole.of(Role.CARE_LEAVER))
        .handler(
            ctx -> {
              SignedIn user = CurrentUser.required(ctx);
              JsonObject model =
                  new JsonObject()
                      .put("user", user.publicJson())
                      .put("conversationId", user.id())
                      .put("csrfToken", (String) ctx.get("X-XSRF-TOKEN"));
              pages.send(ctx, 200, "chat", model).onFailure(ctx::fail);
            });
    router
        .get("/console")
        .handler(RequireRole.of(Role.ADVISER, Role.MANAGER))
        .handler(ctx -> pages.send(ctx, 200, "console", StaffPages.model(ctx, new JsonObject())).onFailure(ctx::fail));
  }
}
