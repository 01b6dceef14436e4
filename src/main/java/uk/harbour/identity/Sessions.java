package uk.harbour.identity;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.time.Duration;

/**
 * Session cookies: HttpOnly, SameSite=Lax, Secure behind TLS, created only once someone signs in.
 * The store is Vert.x's {@link SessionStore}: local on one node, the cluster's map on several
 * ({@link ClusterSessionStore}).
 */
public final class Sessions {

  public static final String COOKIE = "harbour.sid";
  /** Also the Hazelcast map's name, configured with one backup (app.HazelcastCluster). */
  public static final String MAP = "harbour.sessions";

  private Sessions() {}

  public static SessionStore store(Vertx vertx) {
    return vertx.isClustered() ? new ClusterSessionStore(vertx, MAP) : LocalSessionStore.create(vertx, MAP);
  }

  /**
   * Vert.x expires idle sessions by wall-clock time; Harbour's own idle and absolute limits are
   * checked against the injected clock by {@link AuthenticationHandler}. This outer limit only
   * reclaims memory, so it is the longest any session could live.
   */
  public static SessionHandler handler(SessionStore store, boolean secureCookies, Duration outerLimit) {
    return SessionHandler.create(store)
        .setSessionCookieName(COOKIE)
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(secureCookies)
        .setCookieSameSite(CookieSameSite.LAX)
        .setSessionTimeout(outerLimit.toMillis())
        .setLazySession(true);
  }
}
