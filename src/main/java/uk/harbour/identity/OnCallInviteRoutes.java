package uk.harbour.identity;

import static uk.harbour.identity.SessionApi.json;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Objects;
import java.util.function.Predicate;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/**
 * {@code POST /api/on-call/invites}: a young person who has forgotten their passphrase out of hours
 * need not wait for their PA. Whoever is on duty now (on call, backup or duty manager, by the
 * rota) checks who they are, then makes a new invite for them; see docs/identity.md.
 */
public final class OnCallInviteRoutes {

  private final Identity identity;
  private final URI publicUrl;
  private final Predicate<String> onDutyNow;

  /** onDutyNow: whether this staff username is on the rota right now (routing knows). */
  public OnCallInviteRoutes(Identity identity, URI publicUrl, Predicate<String> onDutyNow) {
    this.identity = Objects.requireNonNull(identity);
    this.publicUrl = Objects.requireNonNull(publicUrl);
    this.onDutyNow = Objects.requireNonNull(onDutyNow);
  }

  public void mount(Router router) {
    router.post("/api/on-call/invites").handler(RequireRole.of(Role.ADVISER, Role.MANAGER)).handler(this::reissue);
  }

  private void reissue(RoutingContext ctx) {
    SignedIn user = CurrentUser.required(ctx);
    JsonInput in = JsonInput.body(ctx, "name", "dateOfBirth", "checked");
    YoungPeople.IdentityCheck check =
        new YoungPeople.IdentityCheck(in.requiredVisibleText("name", 60), in.requiredDate("dateOfBirth"), in.requiredVisibleText("checked", 500));
    if (!onDutyNow.test(user.id())) {
      throw new HarbourException(403, "not_on_call", "Only someone on call now can do this. In office hours their PA can make a new invite on the People page.");
    }
    identity
        .youngPeople()
        .reissueOnCall(user, Identity.address(ctx), check)
        .onSuccess(invite -> json(ctx, 201, PeopleRoutes.inviteView(invite, publicUrl, identity.clock().getZone())))
        .onFailure(ctx::fail);
  }
}
