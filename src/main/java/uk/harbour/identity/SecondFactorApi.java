package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import uk.harbour.audit.AuditAction;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/**
 * Staff turn on a second factor (TOTP): ask for a new secret, add it to an authenticator app, then
 * confirm with a code from the app. The secret is kept in the session until it is confirmed.
 */
public final class SecondFactorApi {

  static final String PENDING = "totpPending";

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
    String code = JsonInput.body(ctx, "code").requiredString("code", 10);
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
        .compose(found -> found.map(a -> staff.update(a.withTotpSecret(java.util.Optional.of(pending)))).orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such account."))))
        .compose(a -> identity.audit().append(Identity.actor(ctx), AuditAction.STAFF_CHANGED, user.id(), new JsonObject().put("secondFactor", true)))
        .onSuccess(
            v -> {
              ctx.session().remove(PENDING);
              ctx.response().setStatusCode(204).end();
            })
        .onFailure(ctx::fail);
  }
}
