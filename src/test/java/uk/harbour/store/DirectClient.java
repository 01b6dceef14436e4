package uk.harbour.store;

import com.mongodb.event.CommandListener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;
import uk.harbour.testing.Futures;

/**
 * A client for tests that read or write a store directly, beside Harbour. Its {@link #close()}
 * waits until the driver under it has closed (see {@link DriverClosed}): a test that closed Vert.x
 * or the store first left the driver's monitor reconnecting on dead event loops, and its Netty
 * errors landed in whichever test ran next in the same JVM.
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
