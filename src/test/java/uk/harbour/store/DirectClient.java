package uk.harbour.store;

import com.mongodb.event.CommandListener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;
import uk.harbour.testing.Futures;

/**
 * A client for tests that read or write a store directly, beside Harbour. Its {@link #close()}
 * waits until the driver under it has closed (see {@link DriverClosed}), as Harbour's own store
 * does, so the test stops the store and Vert.x only after it: a driver still open then reconnects on
 * event loops that are gone, and the errors it logs land in whichever test runs next in the JVM.
 */
public final class DirectClient implements AutoCloseable {

  private final MongoClient mongo;
  private final DriverClosed closed = new DriverClosed();

  private DirectClient(Vertx vertx, String connectionString, String database) {
    JsonObject config = new JsonObject().put("connection_string", connectionString).put("db_name", database);
    this.mongo = MongoStore.client(vertx, config, "direct-" + UUID.randomUUID(), new CommandListener() {}, closed);
  }

  public static DirectClient open(Vertx vertx, String connectionString, String database) {
    return new DirectClient(vertx, connectionString, database);
  }

  public MongoClient mongo() {
    return mongo;
  }

  @Override
  public void close() {
    Futures.join(mongo.close().compose(v -> closed.future()), 15);
  }
}
