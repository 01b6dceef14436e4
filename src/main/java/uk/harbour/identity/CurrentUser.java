package uk.harbour.identity;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The signed-in person for this request, put on the context by the authentication handler. */
public final class CurrentUser {

  static final String KEY = "harbour.user";

  private CurrentUser() {}

  public static Optional<SignedIn> get(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  public static SignedIn required(RoutingContext ctx) {
    return get(ctx).orElseThrow(() -> uk.harbour.web.HarbourException.unauthorized("Please sign in first."));
  }

  static void set(RoutingContext ctx, SignedIn user) {
    ctx.put(KEY, user);
  }
}
