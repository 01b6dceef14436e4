package uk.harbour.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The embedded default store: mongo-java-server on an H2 MVStore file, bound to a random loopback
 * port so the same MongoDB driver path is used as in production. Every method blocks; callers run
 * them on a worker.
 */
public final class EmbeddedMongo implements AutoCloseable {

  /**
   * H2's page cache. Kept small on purpose: every commit puts the pages it wrote in the cache, so a
   * large cache keeps hundreds of replaced page versions alive for seconds, long enough for the
   * garbage collector to copy and promote them; at 64 MB that doubled young pauses under chat load
   * and made scrolling far back slower, not faster. Recent messages are cached above the store.
   */
  static final int CACHE_MB = 16;
  static final int FILL_RATE = 90;
  static final int RETENTION_MS = 1000;

  private final MVStore mvStore;
  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  private boolean closed;

  private EmbeddedMongo(MVStore mvStore) {
    this.mvStore = mvStore;
    this.backend = new FastIndexH2Backend(mvStore);
    this.server = new MongoServer(backend);
    this.connectionString = server.bindAndGetConnectionString();
  }

  public static EmbeddedMongo start(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MVStore store =
        new MVStore.Builder()
            .fileName(file.toString())
            .compress()
            .cacheSize(CACHE_MB)
            .autoCompactFillRate(Integer.getInteger("harbour.mvstore.fillRate", FILL_RATE))
            .open();
    // Every acknowledged write is committed and synced (see GroupCommitter), so old chunks need not
    // be kept for the default 45 s; keeping them made the file grow ~100x the data under load.
    store.setRetentionTime(Integer.getInteger("harbour.mvstore.retentionMs", RETENTION_MS));
    return new EmbeddedMongo(store);
  }

  public String connectionString() {
    return connectionString;
  }

  /** Forces everything written so far to the file. */
  public synchronized void commit() {
    if (!closed) {
      mvStore.commit();
      mvStore.sync();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdownNow();
    backend.close();
  }
}
