package uk.harbour.store;

import static uk.harbour.testing.Futures.join;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded-store tests share: a store file of their own, a client, and files written the stock way. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class EmbeddedStoreTestBase {

  /** Removed by JUnit after each test, so test runs do not fill /tmp. */
  @TempDir Path tempDir;

  final Vertx vertx = Vertx.vertx();
  /** The client of the store open now; closed after each test. */
  MongoClient mongo;

  @AfterEach
  void closeClient() {
    if (mongo != null) {
      join(mongo.close());
    }
    join(vertx.close());
  }

  Path storeFile() {
    return tempDir.resolve("store.mv.db");
  }

  /** Points {@link #mongo} at a server, closing the previous client. */
  MongoClient connect(String connectionString) {
    if (mongo != null) {
      join(mongo.close());
    }
    mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", connectionString).put("db_name", "harbour"));
    return mongo;
  }

  /**
   * Runs {@code writes} against {@code file} opened with mongo-java-server's own H2 backend (as a
   * Harbour before our store changes wrote it), with {@link #mongo} connected to it.
   */
  void writeWithStockBackend(Path file, Runnable writes) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    H2Backend stock = new H2Backend(store);
    MongoServer old = new MongoServer(stock);
    try {
      connect(old.bindAndGetConnectionString());
      writes.run();
      join(mongo.close());
      mongo = null;
    } finally {
      old.shutdownNow();
      stock.close();
    }
  }
}
