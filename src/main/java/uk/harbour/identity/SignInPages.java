package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.web.FormFailures;
import uk.harbour.web.FormInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.Pages;

/** Sign-in, join and sign-out pages. Failures re-show the form with a plain-English message. */
public final class SignInPages {

  private static final String[] EXAMPLES = {"purple river toast", "quiet lemon bicycle", "brave orange kettle", "sunny cactus drum"};

  private final Identity identity;
  private final Pages pages;

  public SignInPages(Identity identity, Pages pages) {
    this.identity = Objects.requireNonNull(identity);
    this.pages = Objects.requireNonNull(pages);
  }

  public void mount(Router router) {
    router.get("/").handler(this::landing);
    router.get("/signin").handler(ctx -> show(ctx, 200, "signin", new JsonObject().put("expired", ctx.queryParams().contains("expired"))));
    router.post("/signin").handler(this::staffSignIn);
    router.get("/signin/young-person").handler(ctx -> show(ctx, 200, "signin-young-person", new JsonObject().put("expired", ctx.queryParams().contains("expired"))));
    router.post("/signin/young-person").handler(this::youngPersonSignIn);
    router.get("/join").handler(ctx -> show(ctx, 200, "join", joinModel()));
    router.get("/join/:token").handler(this::joinWithLink);
    router.post("/join").handler(this::join);
    router.post("/signout").handler(this::signOut);
    router.post("/signout/everywhere").handler(RequireRole.staff()).handler(this::signOutEverywhere);
  }

  /** Signed in, the landing page leads back to the chat (or the console) instead of offering to sign in again. */
  private void landing(RoutingContext ctx) {
    Optional<SignedIn> user = CurrentUser.get(ctx);
    JsonObject model =
        new JsonObject()
            .put("careLeaver", user.map(u -> u.role() == Role.CARE_LEAVER).orElse(false))
            .put("staff", user.map(u -> u.role().isStaff()).orElse(false))
            .put("admin", user.map(u -> u.role() == Role.ADMIN).orElse(false));
    pages.send(ctx, 200, "landing", model).onFailure(ctx::fail);
  }

  private void staffSignIn(RoutingContext ctx) {
    JsonObject model = new JsonObject();
    try {
      FormInput form = FormInput.of(ctx);
      String username = form.required("username", 40, "your username");
      model.put("username", username);
      String password = form.secret("password", 200, "your password");
      identity
          .staffSignIn()
          .signIn(username, password, form.optional("code", 10), Identity.address(ctx), KnownBrowsers.token(ctx))
          .compose(user -> identity.startStaffSession(ctx, user))
          .onSuccess(user -> ctx.redirect(user.role() == Role.ADMIN ? "/admin/staff" : "/console"))
          .onFailure(e -> formError(ctx, "signin", model.put("askCode", isCode(e)), e));
    } catch (HarbourException e) {
      formError(ctx, "signin", model, e);
    }
  }

  private static boolean isCode(Throwable e) {
    return e instanceof HarbourException h && h.code().equals("code_required");
  }

  private void youngPersonSignIn(RoutingContext ctx) {
    JsonObject model = new JsonObject();
    try {
      FormInput form = FormInput.of(ctx);
      String loginName = form.required("loginName", 30, "your sign-in name");
      model.put("loginName", loginName);
      String secret = form.secret("secret", 200, "your passphrase");
      identity
          .onboarding()
          .signIn(loginName, secret, Identity.address(ctx), KnownBrowsers.token(ctx))
          .compose(person -> identity.startYoungPersonSession(ctx, person))
          .onSuccess(v -> ctx.redirect("/chat"))
          .onFailure(e -> formError(ctx, "signin-young-person", model, e));
    } catch (HarbourException e) {
      formError(ctx, "signin-young-person", model, e);
    }
  }

  private void joinWithLink(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    identity
        .onboarding()
        .greet(token)
        .onSuccess(
            name -> {
              if (name.isEmpty()) {
                show(ctx, 410, "join", joinModel().put("error", "That invite link has expired or has already been used. You can type a code instead, or ask your PA for a new invite."));
              } else {
                show(ctx, 200, "join", joinModel().put("token", token).put("firstName", name.get()));
              }
            })
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    JsonObject model = joinModel();
    JoinForm form;
    try {
      form = JoinForm.read(FormInput.of(ctx), model);
    } catch (HarbourException e) {
      joinError(ctx, model, e);
      return;
    }
    identity
        .onboarding()
        .redeem(new Onboarding.InviteKey(form.token(), form.code()), form.loginName(), form.secret(), Identity.address(ctx))
        .compose(person -> identity.startYoungPersonSession(ctx, person))
        .onSuccess(v -> ctx.redirect("/chat"))
        .onFailure(e -> joinError(ctx, model, JoinForm.placed(e, form.token().isEmpty())));
  }

  /** The join form again with every problem; an invite link still greets them by name. */
  private void joinError(RoutingContext ctx, JsonObject model, Throwable e) {
    String token = model.getString("token");
    Future<Optional<String>> name = token == null ? Future.succeededFuture(Optional.empty()) : identity.onboarding().greet(token);
    name.otherwise(Optional.empty()).onSuccess(n -> {
      n.ifPresent(first -> model.put("firstName", first));
      formError(ctx, "join", model, e);
    });
  }

  private void signOut(RoutingContext ctx) {
    Future<Void> device = identity.devices().forget(ctx);
    if (ctx.session() != null) {
      ctx.session().destroy();
    }
    device.onComplete(r -> ctx.redirect("/"));
  }

  private void signOutEverywhere(RoutingContext ctx) {
    identity
        .staffAccounts()
        .signOutEverywhere(Identity.actor(ctx), CurrentUser.required(ctx).id())
        .onSuccess(
            v -> {
              ctx.session().destroy();
              ctx.redirect("/signin");
            })
        .onFailure(ctx::fail);
  }

  private JsonObject joinModel() {
    return new JsonObject().put("example", EXAMPLES[(int) (identity.clock().millis() / 1000 % EXAMPLES.length)]);
  }

  private void show(RoutingContext ctx, int status, String template, JsonObject model) {
    pages.send(ctx, status, template, model.put("csrfToken", CsrfTokenHandler.token(ctx))).onFailure(ctx::fail);
  }

  private void formError(RoutingContext ctx, String template, JsonObject model, Throwable e) {
    FormFailures.reshow(ctx, e, model, (status, withError) -> show(ctx, status, template, withError));
  }
}
