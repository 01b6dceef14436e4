package uk.harbour.store.embedded;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps the file compact, as H2's background writer did while H2 also committed on its own. With
 * H2's auto-commit on, each of Harbour's commits was handed to H2's serialisation and save threads
 * and waited for; with it off the committing thread writes the chunk itself, which cost about a
 * tenth less CPU per message (docs/performance.md). Harbour commits every write anyway, so the
 * background writer's one remaining job, compaction, runs here after a commit, at most every third
 * of a second (the writer's own pace): live pages of chunks that are mostly replaced pages are
 * rewritten so those chunks can be dropped, and, once commits are quiet, chunks are moved into free
 * space so the file can shrink.
 */
final class Housekeeping {

  static final long INTERVAL_NANOS = 333_000_000L;
  /**
   * Commits this far apart or more are quiet. Moving chunks syncs the file and took 10–60 ms a pass
   * under chat load, time every commit waits for; while busy, new chunks fill the free space anyway.
   */
  static final long QUIET_NANOS = 100_000_000L;
  /** At most this much of live pages rewritten per pass, H2's own limit while the store is busy. */
  static final int REWRITE_BYTES = 256 * 1024;
  /** At most this much of chunks moved per pass, H2's own limit while the store is busy. */
  static final long MOVE_BYTES = 2 * 1024 * 1024;

  private final MVStore store;
  private final int fillRate;
  private long lastRun = System.nanoTime();
  private long lastCommit = lastRun;

  Housekeeping(MVStore store, int fillRate) {
    this.store = store;
    this.fillRate = fillRate;
  }

  /** Runs a pass if the last one was at least {@link #INTERVAL_NANOS} ago; call right after a commit. */
  void afterCommit() {
    long now = System.nanoTime();
    boolean quiet = now - lastCommit >= QUIET_NANOS;
    lastCommit = now;
    if (now - lastRun >= INTERVAL_NANOS) {
      lastRun = now;
      run(quiet);
    }
  }

  private void run(boolean quiet) {
    // Rewritten pages are written by the next commit, after which the chunks they left are dropped.
    store.compact(fillRate, REWRITE_BYTES);
    if (quiet && store.getFillRate() < fillRate && store.getFileStore() instanceof RandomAccessStore file) {
      file.compactMoveChunks(fillRate, MOVE_BYTES, store);
    }
  }
}
