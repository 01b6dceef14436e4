package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import java.time.Instant;
import java.util.List;
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
  private final SessionStore store;

  public AuthenticationHandler(SessionCheck sessions, DeviceSessions devices, SessionStore store) {
    this.sessions = Objects.requireNonNull(sessions);
    this.devices = Objects.requireNonNull(devices);
    this.store = Objects.requireNonNull(store);
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
                  ctx.put("sessionExpired", true);
                  return endSession(ctx, session).compose(v -> fromDevice(ctx));
                }
                default -> {
                  return endSession(ctx, session).map(Optional.<SignedIn>empty());
                }
              }
            });
  }

  /**
   * Ends a session that may no longer be used: it leaves the store now, whatever this request
   * answers, and the request goes on with an empty session under a new id and with a new CSRF
   * token, so the sign-in page it may show works. (Destroying it instead left that page with the
   * ended session's token, refused at the first sign-in.)
   */
  private Future<Void> endSession(RoutingContext ctx, Session session) {
    String ended = session.id();
    List.copyOf(session.data().keySet()).forEach(session::remove);
    session.regenerateId();
    CsrfTokenHandler.renew(ctx);
    return store.delete(ended);
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
