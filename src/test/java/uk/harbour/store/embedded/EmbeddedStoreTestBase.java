package uk.harbour.store.embedded;

import static uk.harbour.testing.Futures.join;

import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.store.DirectClient;

/** What the embedded-store tests share: a store file of their own, a client, and files written the stock way. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EmbeddedStoreTestBase {

  /** Removed by JUnit after each test, so test runs do not fill /tmp. */
  @TempDir protected Path tempDir;

  protected final Vertx vertx = Vertx.vertx();
  private DirectClient direct;
  /** The client of the store open now; closed after each test. */
  protected MongoClient mongo;

  @AfterEach
  protected void closeClient() {
    disconnect();
    join(vertx.close());
  }

  protected Path storeFile() {
    return tempDir.resolve("store.mv.db");
  }

  /** Points {@link #mongo} at a server, closing the previous client. */
  protected MongoClient connect(String connectionString) {
    disconnect();
    direct = DirectClient.open(vertx, connectionString, "harbour");
    mongo = direct.mongo();
    return mongo;
  }

  /** Closes {@link #mongo}, waiting for its driver to close, as a test must before it stops that store. */
  protected void disconnect() {
    if (direct != null) {
      direct.close();
      direct = null;
      mongo = null;
    }
  }

  /**
   * Runs {@code writes} against {@code file} opened with mongo-java-server's own H2 backend (as a
   * Harbour before our store changes wrote it), with {@link #mongo} connected to it.
   */
  protected void writeWithStockBackend(Path file, Runnable writes) {
    try (StockH2Store old = new StockH2Store(new MVStore.Builder().fileName(file.toString()))) {
      connect(old.connectionString());
      writes.run();
      disconnect();
    }
  }
}
