package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * Harbour's embedded store: mongo-java-server with our H2 backend ({@link FastIndexH2Backend}) on
 * an MVStore file with the settings in {@code docs/storage.md}, bound to a random loopback port so
 * the same MongoDB driver path is used as in production.
 */
final class H2EmbeddedStore implements EmbeddedStore {

  /**
   * H2's page cache. Kept small on purpose: every commit puts the pages it wrote in the cache, and
   * H2 takes out the versions the next commit replaces only once their whole chunk is dropped, so
   * the cache mostly holds dead page versions, alive just long enough for the garbage collector to
   * copy them. At 16 MB they were half of what each young collection copied, and G1 shrank the young
   * generation to keep to its pause target: at 1,000 messages/s the collector took 0.18 ms per
   * message, at 4 MB 0.07, with history reads no slower (docs/performance.md, "Sixth pass"). Recent
   * messages are cached above the store. {@code -Dharbour.mvstore.cacheMB} overrides it, for measuring.
   */
  static final int CACHE_MB = 4;
  static final int FILL_RATE = 90;
  static final int RETENTION_MS = 1000;

  private final MVStore mvStore;
  private final Housekeeping housekeeping;
  private final FastIndexH2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  private boolean closed;

  private H2EmbeddedStore(MVStore mvStore, String host, int port) {
    this.mvStore = mvStore;
    this.backend = new FastIndexH2Backend(mvStore);
    this.housekeeping = new Housekeeping(mvStore, Integer.getInteger("harbour.mvstore.fillRate", FILL_RATE), backend::writeCommands);
    this.server = new MongoServer(backend);
    if (port == 0) {
      this.connectionString = server.bindAndGetConnectionString();
    } else {
      // The shared store: other processes write to it, so every write is committed before it is answered.
      CommitBeforeReply commits = new CommitBeforeReply(this::commit);
      backend.afterEveryWrite(commits::awaitCommit);
      server.bind(host, port);
      this.connectionString = "mongodb://" + host + ":" + port;
    }
  }

  static H2EmbeddedStore start(Path file) {
    return open(settings(file));
  }

  static H2EmbeddedStore serve(Path file, String host, int port) {
    return open(settings(file), host, port);
  }

  /** Harbour's MVStore settings for {@code file}, its directory created; tests may add to them. */
  static MVStore.Builder settings(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Harbour commits every write itself (commit()), so H2's own auto-commit is off; its other
    // job, compaction, is done by Housekeeping after our commits.
    MVStore.Builder builder = new MVStore.Builder()
        .fileName(file.toString())
        .autoCommitDisabled()
        .cacheSize(Integer.getInteger("harbour.mvstore.cacheMB", CACHE_MB));
    return Boolean.parseBoolean(System.getProperty("harbour.mvstore.compress", "true")) ? builder.compress() : builder;
  }

  static H2EmbeddedStore open(MVStore.Builder settings) {
    return open(settings, "127.0.0.1", 0);
  }

  private static H2EmbeddedStore open(MVStore.Builder settings, String host, int port) {
    MVStore store = settings.open();
    // Every acknowledged write is committed and synced (commit(), shared by GroupCommitter), so old
    // chunks need not be kept for the default 45 s; keeping them made the file grow ~100x the data.
    store.setRetentionTime(Integer.getInteger("harbour.mvstore.retentionMs", RETENTION_MS));
    return new H2EmbeddedStore(store, host, port);
  }

  /** The file underneath, for tests that inspect it or drop it without a commit, as a crash would. */
  MVStore mvStore() {
    return mvStore;
  }

  @Override
  public String connectionString() {
    return connectionString;
  }

  @Override
  public synchronized void commit() {
    if (!closed) {
      // Every store below is synced, so with nothing unsaved every answered write is on disk: an
      // idle server's periodic commit then costs nothing.
      if (mvStore.hasUnsavedChanges()) {
        mvStore.commit();
        mvStore.sync();
      }
      housekeeping.afterCommit();
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
