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

  private final AccountLookup accounts;
  private final DeviceSessions devices;
  private final SessionLimits limits;

  public AuthenticationHandler(AccountLookup accounts, DeviceSessions devices, SessionLimits limits) {
    this.accounts = Objects.requireNonNull(accounts);
    this.devices = Objects.requireNonNull(devices);
    this.limits = Objects.requireNonNull(limits);
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
    Long lastSeen = session.get(LAST_SEEN);
    Instant now = limits.now();
    if (limits.expired(user, lastSeen == null ? user.signedInAt() : Instant.ofEpochMilli(lastSeen), now)) {
      session.destroy();
      ctx.put("sessionExpired", true);
      return fromDevice(ctx);
    }
    return accounts
        .stillValid(user)
        .map(
            valid -> {
              if (!valid) {
                session.destroy();
                return Optional.<SignedIn>empty();
              }
              session.put(LAST_SEEN, now.toEpochMilli());
              return Optional.of(user);
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
              found.ifPresent(user -> establish(ctx, user, limits.now()));
              return found;
            });
  }

  /** Starts a signed-in session with a fresh id, so a session fixed before sign-in is worthless. */
  public static void establish(RoutingContext ctx, SignedIn user, Instant now) {
    Session session = ctx.session();
    session.regenerateId();
    session.put(USER, user.toJson());
    session.put(LAST_SEEN, now.toEpochMilli());
    CurrentUser.set(ctx, user);
  }
}
