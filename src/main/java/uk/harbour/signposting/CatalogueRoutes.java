package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Objects;
import uk.harbour.identity.Identity;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffPages;
import uk.harbour.web.FormFailures;
import uk.harbour.web.FormInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.Pages;

/** Managers and admins keep the catalogue: a list, an edit form, and the same through the API. Every change is audited. */
final class CatalogueRoutes {

  private final Signposting signposting;
  private final Pages pages;

  CatalogueRoutes(Signposting signposting, Pages pages) {
    this.signposting = Objects.requireNonNull(signposting);
    this.pages = Objects.requireNonNull(pages);
  }

  void mount(Router router) {
    RequireRole editors = RequireRole.of(Role.MANAGER, Role.ADMIN);
    router.get("/catalogue").handler(editors).handler(this::listPage);
    router.get("/catalogue/:id").handler(editors).handler(ctx -> editPage(ctx, 200, entryOr404(ctx.pathParam("id")), new JsonObject()));
    router.post("/catalogue/:id").handler(editors).handler(this::editFromForm);
    router.put("/api/signposting/entries/:id").handler(editors).handler(this::edit);
    router.post("/api/signposting/entries").handler(editors).handler(this::create);
  }

  private CatalogueEntry entryOr404(String id) {
    return signposting.entry(id).orElseThrow(() -> HarbourException.notFound("No such catalogue entry."));
  }

  private void listPage(RoutingContext ctx) {
    Instant at = signposting.clock().instant();
    JsonArray rows = new JsonArray();
    for (CatalogueEntry e : signposting.all()) {
      rows.add(
          new JsonObject()
              .put("id", e.id())
              .put("name", e.name())
              .put("category", e.category().label())
              .put("version", e.version())
              .put("edited", e.meta().edited())
              .put("demo", e.demo())
              .put("status", CardView.status(e.hours(), at, signposting.holidays()).getString("label")));
    }
    JsonObject model = StaffPages.model(ctx, new JsonObject().put("entries", rows).put("saved", ctx.request().getParam("saved")));
    pages.send(ctx, 200, "catalogue", model).onFailure(ctx::fail);
  }

  private void editPage(RoutingContext ctx, int status, CatalogueEntry entry, JsonObject extra) {
    JsonObject model =
        StaffPages.model(ctx, extra)
            .put("entry", extra.containsKey("entry") ? extra.getJsonObject("entry") : CatalogueForm.values(entry))
            .put("categories", categories(extra.containsKey("entry") ? extra.getJsonObject("entry").getString("category") : entry.category().wireName()))
            .put("preview", signposting.model(entry, signposting.clock().instant(), CardAudience.anyone()));
    pages.send(ctx, status, "catalogue-edit", model).onFailure(ctx::fail);
  }

  private static JsonArray categories(String selected) {
    JsonArray out = new JsonArray();
    for (Category c : Category.values()) {
      out.add(new JsonObject().put("value", c.wireName()).put("label", c.label()).put("selected", c.wireName().equals(selected)));
    }
    return out;
  }

  private void editFromForm(RoutingContext ctx) {
    CatalogueEntry existing = entryOr404(ctx.pathParam("id"));
    FormInput form = FormInput.of(ctx);
    try {
      CatalogueJson.Edit edit = CatalogueJson.parseEdit(CatalogueForm.toJson(form, existing.id(), existing.demo()), signposting.clock().getZone());
      signposting
          .update(Identity.actor(ctx), existing.id(), edit)
          .onSuccess(saved -> ctx.redirect("/catalogue?saved=" + java.net.URLEncoder.encode(saved.id(), java.nio.charset.StandardCharsets.UTF_8)))
          .onFailure(e -> reshow(ctx, existing, e));
    } catch (HarbourException e) {
      reshow(ctx, existing, e);
    }
  }

  /** Shows the form again with what the manager typed, so nothing they wrote is lost. */
  private void reshow(RoutingContext ctx, CatalogueEntry existing, Throwable failure) {
    JsonObject typed = CatalogueForm.values(existing);
    for (String field : ctx.request().formAttributes().names()) {
      if (!field.equals("X-XSRF-TOKEN") && typed.size() < 200) {
        String value = ctx.request().getFormAttribute(field);
        typed.put(field, value.length() > 5000 ? value.substring(0, 5000) : value);
      }
    }
    typed.put("version", existing.version());
    FormFailures.reshow(ctx, failure, new JsonObject(), (status, model) -> editPage(ctx, status, existing, model.put("entry", typed)));
  }

  private void edit(RoutingContext ctx) {
    JsonObject body = JsonInput.body(ctx, "id", "category", "name", "summary", "eligibility", "contact", "hours", "amount", "source", "otherSources", "checked", "checkedNote", "demo", "version").raw();
    CatalogueJson.Edit edit = CatalogueJson.parseEdit(body, signposting.clock().getZone());
    signposting
        .update(Identity.actor(ctx), ctx.pathParam("id"), edit)
        .onSuccess(saved -> SignpostingRoutes.json(ctx, 200, CatalogueJson.toJson(saved, true)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonInput.body(ctx, "id", "category", "name", "summary", "eligibility", "contact", "hours", "amount", "source", "otherSources", "checked", "checkedNote", "demo").raw();
    CatalogueEntry entry = CatalogueJson.parse(body, signposting.clock().getZone());
    signposting
        .create(Identity.actor(ctx), entry)
        .onSuccess(saved -> SignpostingRoutes.json(ctx, 201, CatalogueJson.toJson(saved, true)))
        .onFailure(ctx::fail);
  }
}
