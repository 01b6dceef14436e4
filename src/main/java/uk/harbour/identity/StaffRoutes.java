package uk.harbour.identity;

import static uk.harbour.identity.SessionApi.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.harbour.web.FormFailures;
import uk.harbour.web.FormInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.Pages;

/** Admins manage staff accounts (page and API); managers may list them. */
public final class StaffRoutes {

  private final Identity identity;
  private final Pages pages;

  public StaffRoutes(Identity identity, Pages pages) {
    this.identity = Objects.requireNonNull(identity);
    this.pages = Objects.requireNonNull(pages);
  }

  public void mount(Router router) {
    router.get("/admin/staff").handler(RequireRole.of(Role.ADMIN)).handler(ctx -> page(ctx, 200, new JsonObject()));
    router.post("/admin/staff").handler(RequireRole.of(Role.ADMIN)).handler(this::createFromForm);
    router.post("/admin/staff/:username/:change").handler(RequireRole.of(Role.ADMIN)).handler(this::changeFromForm);
    router.get("/api/staff").handler(RequireRole.of(Role.ADMIN, Role.MANAGER)).handler(this::list);
    router.post("/api/staff").handler(RequireRole.of(Role.ADMIN)).handler(this::create);
    router.patch("/api/staff/:username").handler(RequireRole.of(Role.ADMIN)).handler(this::change);
  }

  static JsonObject view(StaffAccount a) {
    return new JsonObject()
        .put("username", a.username())
        .put("displayName", a.displayName())
        .put("role", a.role().name())
        .put("team", a.team())
        .put("active", a.active())
        .put("secondFactor", a.totpSecret().isPresent());
  }

  private void list(RoutingContext ctx) {
    identity.staffAccounts().all().onSuccess(all -> json(ctx, 200, new JsonObject().put("staff", views(all)))).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "username", "displayName", "role", "team", "password");
    StaffAccounts.NewStaff request =
        new StaffAccounts.NewStaff(
            in.requiredString("username", 40),
            in.requiredString("displayName", 80),
            role(in.requiredString("role", 20)),
            in.requiredString("team", 60),
            in.requiredSecret("password", PasswordPolicy.MAX + 1));
    identity.staffAccounts().create(Identity.actor(ctx), request).onSuccess(a -> json(ctx, 201, view(a))).onFailure(ctx::fail);
  }

  private void change(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "active");
    boolean active = in.optionalBoolean("active").orElseThrow(() -> HarbourException.badRequest("missing_field", "'active' is required."));
    identity
        .staffAccounts()
        .setActive(Identity.actor(ctx), ctx.pathParam("username"), active)
        .onSuccess(a -> json(ctx, 200, view(a)))
        .onFailure(ctx::fail);
  }

  private void createFromForm(RoutingContext ctx) {
    try {
      FormInput form = FormInput.of(ctx);
      StaffAccounts.NewStaff request =
          new StaffAccounts.NewStaff(
              form.required("username", 40, "a username"),
              form.required("displayName", 80, "a display name"),
              role(form.required("role", 20, "a role")),
              form.required("team", 60, "a team"),
              form.secret("password", PasswordPolicy.MAX + 1, "a starting password"));
      identity
          .staffAccounts()
          .create(Identity.actor(ctx), request)
          .onSuccess(a -> page(ctx, 201, new JsonObject().put("created", a.username())))
          .onFailure(e -> failed(ctx, e));
    } catch (HarbourException e) {
      failed(ctx, e);
    }
  }

  private void changeFromForm(RoutingContext ctx) {
    String change = ctx.pathParam("change");
    if (!change.equals("disable") && !change.equals("enable")) {
      ctx.fail(HarbourException.notFound("We could not find that page."));
      return;
    }
    identity
        .staffAccounts()
        .setActive(Identity.actor(ctx), ctx.pathParam("username"), change.equals("enable"))
        .onSuccess(a -> ctx.redirect("/admin/staff"))
        .onFailure(e -> failed(ctx, e));
  }

  private void failed(RoutingContext ctx, Throwable e) {
    FormFailures.reshow(ctx, e, new JsonObject(), (status, model) -> page(ctx, status, model));
  }

  private void page(RoutingContext ctx, int status, JsonObject model) {
    identity
        .staffAccounts()
        .all()
        .compose(all -> pages.send(ctx, status, "staff", StaffPages.model(ctx, model).put("staff", views(all))))
        .onFailure(ctx::fail);
  }

  private static JsonArray views(List<StaffAccount> all) {
    JsonArray array = new JsonArray();
    all.stream().sorted(java.util.Comparator.comparing(StaffAccount::username)).forEach(a -> array.add(view(a)));
    return array;
  }

  private static Role role(String text) {
    try {
      Role role = Role.valueOf(text.toUpperCase(Locale.ROOT));
      if (role.isStaff()) {
        return role;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the clear error below
    }
    throw HarbourException.badRequest("bad_role", "Role must be ADVISER, MANAGER or ADMIN.");
  }
}
