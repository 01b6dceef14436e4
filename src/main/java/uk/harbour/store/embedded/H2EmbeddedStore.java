package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harbour's embedded store: mongo-java-server with our H2 backend ({@link FastIndexH2Backend}) on
 * an MVStore file with the settings in {@code docs/storage.md}, bound to a random loopback port so
 * the same MongoDB driver path is used as in production. Commits append to the store's
 * {@link WriteAheadLog}; its own thread writes the file at checkpoints about once a second.
 */
final class H2EmbeddedStore implements EmbeddedStore {

  private static final Logger LOG = LoggerFactory.getLogger(H2EmbeddedStore.class);

  /**
   * H2's page cache. Kept small on purpose: every write of the file (each commit, before the log;
   * each checkpoint now) puts the pages it wrote in the cache, and H2 takes out the versions the next
   * one replaces only once their whole chunk is dropped, so the cache mostly holds dead page
   * versions, alive just long enough for the garbage collector to copy them. At 16 MB they were
   * half of what each young collection copied, and G1 shrank the young generation to keep to its
   * pause target: at 1,000 messages/s the collector took 0.18 ms per message, at 4 MB 0.07, with
   * history reads no slower (docs/performance.md, "Sixth pass"). Recent messages are cached above
   * the store. {@code -Dharbour.mvstore.cacheMB} overrides it, for measuring.
   */
  static final int CACHE_MB = 4;
  static final int FILL_RATE = 90;
  static final int RETENTION_MS = 1000;

  /** How often the B-trees are written to the file, the log before it then deleted (WriteAheadLog). */
  static final long CHECKPOINT_MS = 1000;

  private final MVStore mvStore;
  private final WriteAheadLog log;
  private final Housekeeping housekeeping;
  private final FastIndexH2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  /** Checkpoints run one at a time, whether from the schedule or a commit after a map was created. */
  private final Object checkpointing = new Object();
  private final ScheduledExecutorService checkpoints;
  private volatile boolean closed;
  /** Whether H2's closing of the file after a failed write was logged: once is enough. */
  private volatile boolean failureLogged;

  private H2EmbeddedStore(MVStore mvStore, WriteAheadLog log, LoggedMaps maps, String host, int port, long checkpointMs) {
    this.mvStore = mvStore;
    this.log = log;
    this.backend = new FastIndexH2Backend(maps);
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
    // Like H2's own background writer, which this store's settings turn off: a plain thread, since
    // this package blocks on files and knows nothing of Vert.x.
    this.checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "harbour-checkpoint");
      thread.setDaemon(true);
      return thread;
    });
    checkpoints.scheduleWithFixedDelay(this::scheduledCheckpoint, checkpointMs, checkpointMs, TimeUnit.MILLISECONDS);
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
    // Harbour makes every write durable itself (commit(), then a checkpoint about once a second),
    // so H2's own auto-commit is off; its other job, compaction, is done by Housekeeping after
    // each checkpoint.
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
    return open(settings, host, port, Long.getLong("harbour.store.checkpointMs", CHECKPOINT_MS));
  }

  /** With checkpoints {@code checkpointMs} apart: tests that must see the log alone use hours. */
  static H2EmbeddedStore open(MVStore.Builder settings, String host, int port, long checkpointMs) {
    MVStore store = settings.open();
    // Every checkpoint is synced, and the log covers every acknowledged write after it, so old
    // chunks need not be kept for the default 45 s; keeping them made the file grow ~100x the data.
    store.setRetentionTime(Integer.getInteger("harbour.mvstore.retentionMs", RETENTION_MS));
    WriteAheadLog log = new WriteAheadLog(store, Path.of(store.getFileStore().getFileName()));
    LoggedMaps maps = new LoggedMaps(store, log);
    log.recover(maps::byId);
    return new H2EmbeddedStore(store, log, maps, host, port, checkpointMs);
  }

  /** The file underneath, for tests that inspect it or drop it without a commit, as a crash would. */
  MVStore mvStore() {
    return mvStore;
  }

  /** The log, for tests that break it as a full disk would. */
  WriteAheadLog log() {
    return log;
  }

  @Override
  public String connectionString() {
    return connectionString;
  }

  /**
   * Appends every change so far to the log and syncs it (an idle server's periodic commit appends
   * nothing and costs nothing). After a map was created, dropped or renamed, or if the log could not
   * be written, writes the whole store instead.
   */
  @Override
  public synchronized void commit() {
    if (closed) {
      return;
    }
    boolean logged;
    try {
      logged = log.flush();
    } catch (IOException e) {
      LOG.warn("Appending to the store's log failed; writing the whole store instead", e);
      logged = false;
    }
    if (!logged || log.structureChangedSinceCheckpoint()) {
      checkpoint();
    }
  }

  /** Writes the B-trees to the file, so the log before now can go; then compacts if due. */
  void checkpoint() {
    synchronized (checkpointing) {
      log.checkpoint();
      housekeeping.afterCheckpoint();
    }
  }

  private void scheduledCheckpoint() {
    try {
      if (failure().isPresent() && !failureLogged) {
        // Said here, once, whether or not anything polls readiness: each failing write only says its own.
        failureLogged = true;
        LOG.error("The embedded store closed its file after a failed write: nothing can be stored until Harbour restarts,"
            + " which applies the store's log again (every acknowledged write is in it)", mvStore.getPanicException());
      }
      if (!closed && !mvStore.isClosed() && mvStore.hasUnsavedChanges()) {
        checkpoint();
      }
    } catch (RuntimeException e) {
      // The log still has every acknowledged write; the next checkpoint tries again.
      if (!mvStore.isClosed()) {
        LOG.error("Writing the embedded store's checkpoint failed", e);
      }
    }
  }

  @Override
  public Optional<String> failure() {
    MVStoreException cause = mvStore.getPanicException();
    if (closed || (cause == null && !mvStore.isClosed())) {
      return Optional.empty();
    }
    return Optional.of(cause == null ? "the store's file was closed" : cause.getMessage());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopCheckpoints();
    boolean crashed = mvStore.isClosed();
    // Stopping the server closes the backend, whose MVStore.close() writes every change to the
    // file (or throws, leaving the log for the next open); only then is the log not needed.
    server.shutdownNow();
    backend.close();
    log.close();
    if (!crashed) {
      log.deleteAll();
    }
  }

  /** Stops as {@code kill -9} would: nothing since the last commit reaches the log or the file. */
  synchronized void crash() {
    closed = true;
    stopCheckpoints();
    log.close();
    mvStore.closeImmediately();
    server.shutdownNow();
    backend.close();
  }

  private void stopCheckpoints() {
    // Not shutdownNow: an interrupt in the middle of a file write makes H2 close the store.
    checkpoints.shutdown();
    try {
      checkpoints.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
