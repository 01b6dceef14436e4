package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.signposting.SavedHelpRepository.SavedCard;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.Pages;

/** "My saved help": a page and an API for care leavers only; forms work without JavaScript. */
final class SavedHelpRoutes {

  private final Signposting signposting;
  private final SavedHelp saved;
  private final Pages pages;

  SavedHelpRoutes(Signposting signposting, SavedHelp saved, Pages pages) {
    this.signposting = Objects.requireNonNull(signposting);
    this.saved = Objects.requireNonNull(saved);
    this.pages = Objects.requireNonNull(pages);
  }

  void mount(Router router) {
    RequireRole careLeaver = RequireRole.of(Role.CARE_LEAVER);
    router.get("/saved").handler(careLeaver).handler(this::page);
    router.post("/saved").handler(careLeaver).handler(this::saveFromForm);
    router.post("/saved/:entryId/remove").handler(careLeaver).handler(this::removeFromForm);
    router.get("/api/saved").handler(careLeaver).handler(this::list);
    router.post("/api/saved").handler(careLeaver).handler(this::save);
    router.delete("/api/saved/:entryId").handler(careLeaver).handler(this::remove);
  }

  private void page(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    Instant at = signposting.clock().instant();
    signposting
        .audienceFor(who.id())
        .compose(
            audience ->
                saved
                    .list(who.id())
                    .map(
                        cards -> {
                          JsonArray views = new JsonArray();
                          for (SavedCard card : cards) {
                            JsonObject view = signposting.model(saved.snapshot(card), at, audience);
                            int latest = signposting.entry(card.entryId()).map(CatalogueEntry::version).orElse(card.version());
                            views.add(view.put("updatedSince", latest > card.version()).put("withdrawn", signposting.entry(card.entryId()).isEmpty()));
                          }
                          return new JsonObject().put("cards", views).put("firstName", who.displayName()).put("csrfToken", (String) ctx.get("X-XSRF-TOKEN"));
                        }))
        .compose(model -> pages.send(ctx, 200, "saved", model))
        .onFailure(ctx::fail);
  }

  private void saveFromForm(RoutingContext ctx) {
    String entryId = formEntryId(ctx);
    saved.save(CurrentUser.required(ctx).id(), entryId).onSuccess(card -> ctx.redirect("/saved")).onFailure(ctx::fail);
  }

  private void removeFromForm(RoutingContext ctx) {
    saved.remove(CurrentUser.required(ctx).id(), ctx.pathParam("entryId")).onSuccess(v -> ctx.redirect("/saved")).onFailure(ctx::fail);
  }

  private static String formEntryId(RoutingContext ctx) {
    String entryId = ctx.request().getFormAttribute("entryId");
    if (entryId == null || !CatalogueJson.ID.matcher(entryId).matches()) {
      throw HarbourException.badRequest("bad_id", "That is not a catalogue entry.");
    }
    return entryId;
  }

  private void list(RoutingContext ctx) {
    saved
        .list(CurrentUser.required(ctx).id())
        .onSuccess(
            cards -> {
              JsonArray out = new JsonArray();
              cards.forEach(c -> out.add(new JsonObject().put("entryId", c.entryId()).put("version", c.version()).put("title", c.entry().getString("name")).put("savedAt", c.savedAt().toString())));
              SignpostingRoutes.json(ctx, 200, new JsonObject().put("cards", out));
            })
        .onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "entryId");
    String entryId = in.requiredString("entryId", 60);
    saved
        .save(CurrentUser.required(ctx).id(), entryId)
        .onSuccess(c -> SignpostingRoutes.json(ctx, 201, new JsonObject().put("entryId", c.entryId()).put("version", c.version())))
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    saved.remove(CurrentUser.required(ctx).id(), ctx.pathParam("entryId")).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
