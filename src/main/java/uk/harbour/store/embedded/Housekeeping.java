package uk.harbour.store.embedded;

import java.util.function.LongSupplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the file's chunks mostly live, as H2's background writer did while H2 also committed on its
 * own. H2's auto-commit is off (Harbour's checkpoints write the file, WriteAheadLog), so the
 * writer's remaining job, compaction, runs here after a checkpoint, at most every third of a second
 * (the writer's own pace): the live pages of chunks that are mostly replaced pages are rewritten, so
 * those chunks can be dropped and their space reused.
 *
 * <p>The writer also moved chunks towards the start of the file to shrink it. That is not done
 * here: called after a commit of the file, H2's chunk move failed one of its own assertions and closed the store
 * (ClusterTest, ConsoleBrowserTest), and under chat load new chunks fill the freed space anyway.
 */
final class Housekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  static final long INTERVAL_NANOS = 333_000_000L;
  /** At most this much of live pages rewritten per pass, H2's own limit while the store is busy. */
  static final int REWRITE_BYTES = 256 * 1024;

  private final MVStore store;
  private final int fillRate;
  private final LongSupplier writeCommands;
  private long lastRun = System.nanoTime();
  private long writesAtLastRun;

  /** {@code writeCommands} counts the store's write commands; passes rest while it stands still. */
  Housekeeping(MVStore store, int fillRate, LongSupplier writeCommands) {
    this.store = store;
    this.fillRate = fillRate;
    this.writeCommands = writeCommands;
    this.writesAtLastRun = writeCommands.getAsLong();
  }

  /**
   * Runs a pass if the last one was at least {@link #INTERVAL_NANOS} ago and something was written
   * since; call right after a checkpoint. On a store nobody writes to, a pass would rewrite pages only
   * for the next checkpoint to store them and the pass after to find the chunks no fuller: an idle
   * server spent about five times the CPU it needs at rest doing that.
   */
  void afterCheckpoint() {
    long now = System.nanoTime();
    long writes = writeCommands.getAsLong();
    if (now - lastRun < INTERVAL_NANOS || writes == writesAtLastRun) {
      return;
    }
    lastRun = now;
    writesAtLastRun = writes;
    try {
      // Rewritten pages are written by the next commit, after which the chunks they left are dropped.
      store.compact(fillRate, REWRITE_BYTES);
    } catch (RuntimeException e) {
      // The commit before it succeeded: its writes are durable and must not be answered as failed.
      LOG.warn("Compacting the embedded store failed; its file may grow until a later pass succeeds", e);
    }
  }
}
