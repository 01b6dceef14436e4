package uk.harbour.store.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ops/store}: the embedded store as its own process on a loopback port, so several Harbour
 * nodes on one machine share it through {@code MONGO_URI} exactly as they would share a MongoDB
 * replica set. Same engine and file format as a single node's {@code data/harbour.mv.db}.
 * Settings from the environment: {@code HARBOUR_STORE_PORT} (27017), {@code HARBOUR_STORE_HOST}
 * (127.0.0.1), {@code HARBOUR_DATA_DIR} (data).
 */
public final class StoreServer {

  private static final Logger LOG = LoggerFactory.getLogger(StoreServer.class);

  private StoreServer() {}

  public static void main(String[] args) throws InterruptedException {
    String host = env("HARBOUR_STORE_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("HARBOUR_STORE_PORT", "27017"));
    Path file = Path.of(env("HARBOUR_DATA_DIR", "data")).resolve("harbour.mv.db");
    EmbeddedStore store = EmbeddedStore.serve(file, host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Store stopping: committing and closing {}", file.toAbsolutePath());
      store.close();
      stopped.countDown();
    }, "harbour-store-shutdown"));
    LOG.info("Harbour store ready at {} on {} (set MONGO_URI={} on each node)", store.connectionString(), file.toAbsolutePath(), store.connectionString());
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
