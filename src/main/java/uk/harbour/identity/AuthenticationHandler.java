package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Works out who is making the request: from the session (checking Harbour's idle and absolute
 * limits against the injected clock, and that the account is still active and not signed out
 * everywhere since), or for a young person from their device cookie. Never rejects; the role
 * guards do that.
 */
public final class AuthenticationHandler implements Handler<RoutingContext> {

  static final String USER = "user";
  static final String LAST_SEEN = "lastSeen";

  private final SessionCheck sessions;
  private final DeviceSessions devices;

  public AuthenticationHandler(SessionCheck sessions, DeviceSessions devices) {
    this.sessions = Objects.requireNonNull(sessions);
    this.devices = Objects.requireNonNull(devices);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Session session = ctx.session();
    JsonObject stored = session == null ? null : session.get(USER);
    Future<Optional<SignedIn>> who = stored == null ? fromDevice(ctx) : fromSession(ctx, session, stored);
    who.onSuccess(
            found -> {
              found.ifPresent(user -> CurrentUser.set(ctx, user));
              ctx.next();
            })
        .onFailure(ctx::fail);
  }

  private Future<Optional<SignedIn>> fromSession(RoutingContext ctx, Session session, JsonObject stored) {
    SignedIn user = SignedIn.fromJson(stored);
    return sessions
        .check(user, session.get(LAST_SEEN))
        .compose(
            outcome -> {
              switch (outcome) {
                case VALID -> {
                  session.put(LAST_SEEN, sessions.now().toEpochMilli());
                  return Future.succeededFuture(Optional.of(user));
                }
                case EXPIRED -> {
                  session.destroy();
                  ctx.put("sessionExpired", true);
                  return fromDevice(ctx);
                }
                default -> {
                  session.destroy();
                  return Future.succeededFuture(Optional.<SignedIn>empty());
                }
              }
            });
  }

  private Future<Optional<SignedIn>> fromDevice(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(DeviceSessions.COOKIE);
    if (cookie == null || cookie.getValue().isBlank() || ctx.session() == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return devices
        .signIn(cookie.getValue())
        .map(
            found -> {
              found.ifPresent(user -> establish(ctx, user, sessions.now()));
              return found;
            });
  }

  /**
   * Starts a signed-in session with a fresh id and a fresh CSRF token, so a session (or token)
   * fixed before sign-in is worthless.
   */
  public static void establish(RoutingContext ctx, SignedIn user, Instant now) {
    Session session = ctx.session();
    session.regenerateId();
    CsrfTokenHandler.renew(ctx);
    session.put(USER, user.toJson());
    session.put(LAST_SEEN, now.toEpochMilli());
    CurrentUser.set(ctx, user);
  }
}
