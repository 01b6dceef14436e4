package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/**
 * Staff turn on a second factor (TOTP): ask for a new secret, add it to an authenticator app, then
 * confirm with a code from the app. The secret is kept in the session until it is confirmed.
 * Replacing a second factor already on also needs a code from the current one: otherwise anyone
 * holding a staff session (a laptop left signed in) could move the account's second factor to
 * their own phone. After {@link #WRONG_CURRENT_LIMIT} wrong current codes the session ends.
 */
public final class SecondFactorApi {

  static final String PENDING = "totpPending";
  static final int WRONG_CURRENT_LIMIT = 5;
  private static final String WRONG_CURRENT = "totpWrongCurrent";

  private final Identity identity;
  private final StaffRepository staff;
  private final TotpCheck totp;

  public SecondFactorApi(Identity identity, StaffRepository staff, TotpCheck totp) {
    this.identity = Objects.requireNonNull(identity);
    this.staff = Objects.requireNonNull(staff);
    this.totp = Objects.requireNonNull(totp);
  }

  public void mount(Router router) {
    router.post("/api/me/second-factor").handler(RequireRole.staff()).handler(this::start);
    router.post("/api/me/second-factor/confirm").handler(RequireRole.staff()).handler(this::confirm);
  }

  private void start(RoutingContext ctx) {
    SignedIn user = CurrentUser.required(ctx);
    String secret = Totp.newSecret();
    ctx.session().put(PENDING, secret);
    SessionApi.json(ctx, 200, new JsonObject().put("secret", secret).put("uri", Totp.enrolmentUri("Harbour", user.id(), secret)));
  }

  private void confirm(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "code", "currentCode");
    String code = in.requiredString("code", 10);
    Optional<String> currentCode = in.optionalString("currentCode", 10);
    SignedIn user = CurrentUser.required(ctx);
    String pending = ctx.session().get(PENDING);
    if (pending == null) {
      throw HarbourException.badRequest("no_pending_secret", "Start setting up the second factor first.");
    }
    if (!totp.verify(pending, code)) {
      throw HarbourException.badRequest("wrong_code", "That code did not match. Check the time on your phone and try the newest code.");
    }
    staff
        .find(user.id())
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such account."))))
        .compose(account -> replacing(ctx, account, currentCode))
        .compose(account -> staff.update(account.withTotpSecret(Optional.of(pending))))
        .compose(a -> identity.audit().append(Identity.actor(ctx), AuditAction.STAFF_CHANGED, user.id(), new JsonObject().put("secondFactor", true)))
        .onSuccess(
            v -> {
              ctx.session().remove(PENDING);
              ctx.response().setStatusCode(204).end();
            })
        .onFailure(ctx::fail);
  }

  /** The account, once a second factor it already has is shown to be in the caller's hands. */
  private Future<StaffAccount> replacing(RoutingContext ctx, StaffAccount account, Optional<String> currentCode) {
    if (account.totpSecret().isEmpty()) {
      return Future.succeededFuture(account);
    }
    if (currentCode.isEmpty()) {
      return Future.failedFuture(HarbourException.badRequest("current_code_required",
          "You already have a second factor. Enter a code from the app you use now to replace it."));
    }
    if (totp.verify(account.totpSecret().get(), currentCode.get())) {
      ctx.session().remove(WRONG_CURRENT);
      return Future.succeededFuture(account);
    }
    int wrong = ctx.session().<Integer>get(WRONG_CURRENT) == null ? 1 : ctx.session().<Integer>get(WRONG_CURRENT) + 1;
    return identity.audit().append(Identity.actor(ctx), AuditAction.SECOND_FACTOR_REFUSED, account.username(), new JsonObject().put("wrong", wrong))
        .compose(v -> {
          if (wrong >= WRONG_CURRENT_LIMIT) {
            ctx.session().destroy();
            return Future.failedFuture(HarbourException.unauthorized("Too many wrong codes. Sign in again."));
          }
          ctx.session().put(WRONG_CURRENT, wrong);
          return Future.failedFuture(HarbourException.badRequest("wrong_current_code",
              "That is not a code from the app you use now. Check the time on your phone and try the newest code."));
        });
  }
}
