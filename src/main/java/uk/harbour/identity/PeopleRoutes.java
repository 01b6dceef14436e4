package uk.harbour.identity;

import static uk.harbour.identity.SessionApi.json;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import uk.harbour.web.FormFailures;
import uk.harbour.web.FormInput;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.Pages;

/** Staff manage young people's records and invites, as a page and as JSON. */
public final class PeopleRoutes {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma");

  private final Identity identity;
  private final Pages pages;
  private final URI publicUrl;

  public PeopleRoutes(Identity identity, Pages pages, URI publicUrl) {
    this.identity = Objects.requireNonNull(identity);
    this.pages = Objects.requireNonNull(pages);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  public void mount(Router router) {
    RequireRole staff = RequireRole.staff();
    router.get("/people").handler(staff).handler(ctx -> page(ctx, 200, new JsonObject()));
    router.post("/people").handler(staff).handler(this::createFromForm);
    router.post("/people/:id/invite").handler(staff).handler(ctx -> formAction(ctx, identity.youngPeople().reissueInvite(user(ctx), Identity.address(ctx), ctx.pathParam("id")).map(this::inviteView)));
    router.post("/people/:id/revoke").handler(staff).handler(ctx -> formAction(ctx, identity.youngPeople().revoke(user(ctx), Identity.address(ctx), ctx.pathParam("id")).map(v -> null)));
    router.post("/people/:id/pa").handler(staff).handler(ctx -> formAction(ctx, identity.youngPeople().assignPa(user(ctx), Identity.address(ctx), ctx.pathParam("id"), FormInput.of(ctx).required("paUsername", 40, "a PA")).map(p -> null)));

    router.get("/api/care-leavers").handler(staff).handler(this::list);
    router.post("/api/care-leavers").handler(staff).handler(this::create);
    router.get("/api/care-leavers/:id").handler(staff).handler(ctx -> identity.youngPeople().visible(user(ctx), ctx.pathParam("id")).compose(this::withPa).onSuccess(p -> json(ctx, 200, p)).onFailure(ctx::fail));
    router.post("/api/care-leavers/:id/invites").handler(staff).handler(ctx -> identity.youngPeople().reissueInvite(user(ctx), Identity.address(ctx), ctx.pathParam("id")).onSuccess(i -> json(ctx, 201, inviteView(i))).onFailure(ctx::fail));
    router.post("/api/care-leavers/:id/revoke").handler(staff).handler(ctx -> identity.youngPeople().revoke(user(ctx), Identity.address(ctx), ctx.pathParam("id")).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.put("/api/care-leavers/:id/pa").handler(staff).handler(this::assignPa);
  }

  private static SignedIn user(RoutingContext ctx) {
    return CurrentUser.required(ctx);
  }

  /**
   * {@code disabledStaff}: usernames of disabled staff accounts. {@code paActive} is false when the
   * PA's account is disabled: the young person needs a new PA (routing no longer gives the
   * conversation to a disabled PA; the manager must choose one).
   */
  static JsonObject view(CareLeaver p, Set<String> disabledStaff) {
    return new JsonObject()
        .put("id", p.id())
        .put("firstName", p.firstName())
        .put("dateOfBirth", p.dateOfBirth() == null ? null : p.dateOfBirth().toString())
        .put("paUsername", p.paUsername())
        .put("paActive", p.paUsername() == null ? null : !disabledStaff.contains(p.paUsername()))
        .put("team", p.team())
        .put("active", p.active())
        .put("joined", p.loginName().isPresent());
  }

  private Future<Set<String>> disabledStaff() {
    return identity.staffAccounts().all().map(PeopleRoutes::disabled);
  }

  private static Set<String> disabled(List<StaffAccount> staff) {
    return staff.stream().filter(a -> !a.active()).map(StaffAccount::username).collect(Collectors.toUnmodifiableSet());
  }

  private Future<JsonObject> withPa(CareLeaver p) {
    return disabledStaff().map(disabled -> view(p, disabled));
  }

  private JsonObject inviteView(YoungPeople.IssuedInvite invite) {
    return inviteView(invite, publicUrl, identity.clock().getZone());
  }

  /** An invite as shown once to whoever made it: the link, the code and when it expires. */
  static JsonObject inviteView(YoungPeople.IssuedInvite invite, URI publicUrl, java.time.ZoneId zone) {
    return new JsonObject()
        .put("careLeaverId", invite.careLeaverId())
        .put("firstName", invite.firstName())
        .put("link", publicUrl.resolve("/join/" + invite.token()).toString())
        .put("code", invite.code())
        .put("expiresAt", invite.expiresAt().toString())
        .put("expires", SHOWN.format(invite.expiresAt().atZone(zone)));
  }

  private void list(RoutingContext ctx) {
    identity.youngPeople().visibleTo(user(ctx))
        .compose(all -> disabledStaff().map(disabled -> views(all, disabled)))
        .onSuccess(all -> json(ctx, 200, new JsonObject().put("careLeavers", all))).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "firstName", "dateOfBirth", "paUsername");
    YoungPeople.NewCareLeaver request =
        new YoungPeople.NewCareLeaver(in.requiredString("firstName", 60), date(in.requiredString("dateOfBirth", 10)), in.optionalString("paUsername", 40).orElse(null));
    identity.youngPeople().create(user(ctx), Identity.address(ctx), request).onSuccess(i -> json(ctx, 201, inviteView(i))).onFailure(ctx::fail);
  }

  private void assignPa(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "paUsername");
    identity
        .youngPeople()
        .assignPa(user(ctx), Identity.address(ctx), ctx.pathParam("id"), in.requiredString("paUsername", 40))
        .compose(this::withPa)
        .onSuccess(p -> json(ctx, 200, p))
        .onFailure(ctx::fail);
  }

  private void createFromForm(RoutingContext ctx) {
    try {
      FormInput form = FormInput.of(ctx);
      YoungPeople.NewCareLeaver request =
          new YoungPeople.NewCareLeaver(
              form.required("firstName", 60, "their preferred first name"),
              date(form.required("dateOfBirth", 10, "their date of birth")),
              form.optional("paUsername", 40).orElse(null));
      formAction(ctx, identity.youngPeople().create(user(ctx), Identity.address(ctx), request).map(this::inviteView));
    } catch (HarbourException e) {
      FormFailures.reshow(ctx, e, new JsonObject(), (status, model) -> page(ctx, status, model));
    }
  }

  /** Runs a form's action, then shows the page again with the invite (if any) or the error. */
  private void formAction(RoutingContext ctx, Future<JsonObject> action) {
    action
        .onSuccess(invite -> page(ctx, 200, new JsonObject().put("invite", invite)))
        .onFailure(e -> FormFailures.reshow(ctx, e, new JsonObject(), (status, model) -> page(ctx, status, model)));
  }

  private void page(RoutingContext ctx, int status, JsonObject model) {
    identity
        .youngPeople()
        .visibleTo(user(ctx))
        .compose(people -> identity.staffAccounts().all().map(staff -> model.put("people", views(people, disabled(staff))).put("advisers", advisers(user(ctx), staff))))
        .compose(m -> pages.send(ctx, status, "people", StaffPages.model(ctx, m)))
        .onFailure(ctx::fail);
  }

  /** The advisers the form offers: only those this reader may choose as a PA. */
  private static JsonArray advisers(SignedIn reader, List<StaffAccount> staff) {
    JsonArray array = new JsonArray();
    staff.stream().filter(a -> YoungPeople.mayChoose(reader, a)).sorted(Comparator.comparing(StaffAccount::displayName)).forEach(a -> array.add(StaffRoutes.view(a)));
    return array;
  }

  private static JsonArray views(List<CareLeaver> all, Set<String> disabledStaff) {
    JsonArray array = new JsonArray();
    all.stream().sorted(Comparator.comparing(CareLeaver::firstName)).forEach(p -> array.add(view(p, disabledStaff)));
    return array;
  }

  private static LocalDate date(String text) {
    return DateInput.date(text).orElseThrow(() -> HarbourException.badRequest("bad_date", "Dates must look like 2007-05-31."));
  }
}
