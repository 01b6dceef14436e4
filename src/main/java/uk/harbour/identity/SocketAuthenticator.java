package uk.harbour.identity;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs in a WebSocket upgrade, which does not pass through the router: the same session, limits,
 * account and device checks as {@link AuthenticationHandler}, read from the handshake's cookies.
 */
public final class SocketAuthenticator {

  private final SessionStore sessions;
  private final SessionCheck check;
  private final DeviceSessions devices;

  public SocketAuthenticator(SessionStore sessions, SessionCheck check, DeviceSessions devices) {
    this.sessions = Objects.requireNonNull(sessions);
    this.check = Objects.requireNonNull(check);
    this.devices = Objects.requireNonNull(devices);
  }

  public Future<Optional<SignedIn>> authenticate(MultiMap headers) {
    String sessionId = null;
    String device = null;
    for (String header : headers.getAll("Cookie")) {
      for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
        if (Sessions.COOKIE.equals(cookie.name())) {
          sessionId = cookie.value();
        } else if (DeviceSessions.COOKIE.equals(cookie.name())) {
          device = cookie.value();
        }
      }
    }
    String deviceToken = device;
    Future<Optional<SignedIn>> fromSession = sessionId == null ? Future.succeededFuture(Optional.empty()) : fromSession(sessionId);
    return fromSession.compose(
        found -> found.isPresent() || deviceToken == null ? Future.succeededFuture(found) : devices.signIn(deviceToken));
  }

  private Future<Optional<SignedIn>> fromSession(String sessionId) {
    return sessions
        .get(sessionId)
        .compose(
            session -> {
              JsonObject stored = session == null ? null : session.get(AuthenticationHandler.USER);
              if (stored == null) {
                return Future.succeededFuture(Optional.empty());
              }
              SignedIn user = SignedIn.fromJson(stored);
              return check
                  .check(user, session.get(AuthenticationHandler.LAST_SEEN))
                  .map(outcome -> outcome == SessionCheck.Outcome.VALID ? Optional.of(user) : Optional.<SignedIn>empty());
            });
  }
}
