package uk.harbour.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.web.JsonInput;

/** The JSON API for signing in and out; the same services as the pages. */
public final class SessionApi {

  /** Signing out; it answers 204 also when nobody is signed in ({@link CsrfTokenHandler}). */
  static final String SIGN_OUT = "/api/session";

  private final Identity identity;

  public SessionApi(Identity identity) {
    this.identity = Objects.requireNonNull(identity);
  }

  public void mount(Router router) {
    router.post("/api/session").handler(this::staffSignIn);
    router.post("/api/session/young-person").handler(this::youngPersonSignIn);
    router.post("/api/invites/redeem").handler(this::redeem);
    router.delete(SIGN_OUT).handler(this::signOut);
    router.post("/api/session/everywhere").handler(RequireRole.staff()).handler(this::signOutEverywhere);
    router.get("/api/me").handler(ctx -> json(ctx, 200, new JsonObject().put("user", CurrentUser.required(ctx).publicJson())));
  }

  private void staffSignIn(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "username", "password", "code");
    identity
        .staffSignIn()
        .signIn(in.requiredString("username", 40), in.requiredSecret("password", 200), in.optionalString("code", 10), Identity.address(ctx), KnownBrowsers.token(ctx))
        .compose(user -> identity.startStaffSession(ctx, user))
        .onSuccess(user -> json(ctx, 200, signedIn(ctx, user)))
        .onFailure(ctx::fail);
  }

  private void youngPersonSignIn(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "loginName", "secret");
    identity
        .onboarding()
        .signIn(in.requiredString("loginName", 30), in.requiredSecret("secret", 200), Identity.address(ctx), KnownBrowsers.token(ctx))
        .compose(person -> identity.startYoungPersonSession(ctx, person))
        .onSuccess(user -> json(ctx, 200, signedIn(ctx, user)))
        .onFailure(ctx::fail);
  }

  /** The new session's CSRF token comes with the answer: the one from before sign-in no longer works. */
  private static JsonObject signedIn(RoutingContext ctx, SignedIn user) {
    return new JsonObject().put("user", user.publicJson()).put("csrfToken", CsrfTokenHandler.token(ctx));
  }

  private void redeem(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "token", "code", "loginName", "passphrase", "pin", "word");
    Optional<String> passphrase = in.optionalString("passphrase", 200);
    String secret =
        passphrase.isPresent()
            ? CareLeaverSecret.passphrase(in.requiredSecret("passphrase", 200))
            : CareLeaverSecret.pinAndWord(in.requiredSecret("pin", 6), in.requiredSecret("word", 60));
    Onboarding.InviteKey key = new Onboarding.InviteKey(in.optionalString("token", 100), in.optionalString("code", 20));
    if (key.token().isEmpty() && key.code().isEmpty()) {
      throw uk.harbour.web.HarbourException.badRequest("missing_field", "'token' or 'code' is required.");
    }
    identity
        .onboarding()
        .redeem(key, in.requiredString("loginName", 30), secret, Identity.address(ctx))
        .compose(person -> identity.startYoungPersonSession(ctx, person))
        .onSuccess(user -> json(ctx, 200, signedIn(ctx, user)))
        .onFailure(ctx::fail);
  }

  private void signOut(RoutingContext ctx) {
    if (CsrfTokenHandler.tokenRefused(ctx)) {
      // Without the token only a sign-out of nobody goes ahead, and it has nothing to do.
      if (CurrentUser.get(ctx).isPresent()) {
        ctx.fail(CsrfTokenHandler.refused());
      } else {
        ctx.response().setStatusCode(204).end();
      }
      return;
    }
    identity
        .devices()
        .forget(ctx)
        .onComplete(
            r -> {
              if (ctx.session() != null) {
                ctx.session().destroy();
              }
              ctx.response().setStatusCode(204).end();
            });
  }

  private void signOutEverywhere(RoutingContext ctx) {
    identity
        .staffAccounts()
        .signOutEverywhere(Identity.actor(ctx), CurrentUser.required(ctx).id())
        .onSuccess(
            v -> {
              ctx.session().destroy();
              ctx.response().setStatusCode(204).end();
            })
        .onFailure(ctx::fail);
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(io.vertx.core.json.Json.encode(body));
  }
}
