package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in the cluster's map (Hazelcast keeps each on two nodes, so a node's loss signs nobody
 * out), made safe for the request that follows at once. Vert.x saves a session while the response
 * is already on its way, so the next request (the POST after fetching a CSRF token, the WebSocket
 * after signing in) can arrive before the save has landed: this node answers its own saves still
 * in flight from memory, and a session another node is still saving is looked for again, briefly,
 * before it counts as unknown.
 */
final class ClusterSessionStore implements SessionStore {

  /** How often, and how far apart, a session not found is looked for again. */
  static final int LOOKS = 4;
  static final long LOOK_AGAIN_MS = 50;

  private final Vertx vertx;
  private final SessionStore cluster;
  private final Map<String, Session> saving = new ConcurrentHashMap<>();

  ClusterSessionStore(Vertx vertx, String mapName) {
    this.vertx = Objects.requireNonNull(vertx);
    this.cluster = ClusteredSessionStore.create(vertx, mapName);
  }

  @Override
  public SessionStore init(Vertx vertx, JsonObject options) {
    return this;
  }

  /** None: {@link #get} looks again itself, for the socket handshake too, which has no session handler. */
  @Override
  public long retryTimeout() {
    return 0;
  }

  @Override
  public Session createSession(long timeout) {
    return cluster.createSession(timeout);
  }

  @Override
  public Session createSession(long timeout, int length) {
    return cluster.createSession(timeout, length);
  }

  @Override
  public Future<Session> get(String id) {
    Session inFlight = saving.get(id);
    return inFlight != null ? Future.succeededFuture(inFlight) : lookFor(id, LOOKS);
  }

  private Future<Session> lookFor(String id, int looks) {
    return cluster.get(id).compose(found -> {
      if (found != null || looks <= 1) {
        return Future.succeededFuture(found);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(LOOK_AGAIN_MS, t -> later.complete());
      return later.future().compose(v -> lookFor(id, looks - 1));
    });
  }

  @Override
  public Future<Void> put(Session session) {
    saving.put(session.id(), session);
    return cluster.put(session).onComplete(r -> saving.remove(session.id(), session));
  }

  @Override
  public Future<Void> delete(String id) {
    saving.remove(id);
    return cluster.delete(id);
  }

  @Override
  public Future<Void> clear() {
    saving.clear();
    return cluster.clear();
  }

  @Override
  public Future<Integer> size() {
    return cluster.size();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
