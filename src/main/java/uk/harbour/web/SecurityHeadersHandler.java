package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Browser hardening on every response: no framing, no sniffing, scripts only from ourselves. */
public final class SecurityHeadersHandler implements Handler<RoutingContext> {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    apply(ctx.response());
    ctx.next();
  }

  /** Also for answers sent outside the router (unreadable requests). */
  static void apply(HttpServerResponse response) {
    response
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }
}
