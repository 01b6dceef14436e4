package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one file commit among every write that finished before it started, so a burst of
 * messages costs one sync rather than one each. Commits run on a worker, never an event loop.
 */
public final class GroupCommitter implements Durability {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  /**
   * Each commit rewrites the pages its writes touched whatever their number, so commits back to
   * back cost a core at a steady 1,000 messages/s; 4 ms between starts cut server CPU per message
   * by about a fifth (docs/performance.md) and adds at most 4 ms to an acknowledgement.
   */
  static final long DEFAULT_MIN_GAP_MICROS = 4000;

  private final Vertx vertx;
  private final Runnable commit;
  /** The least time from one commit's start to the next's: writes arriving meanwhile share the next one. */
  private final long minGapNanos;
  private Promise<Void> running;
  /** Whether {@code running} has begun; until it has, a new write is still in it. */
  private boolean runningStarted;
  private Promise<Void> next;
  private long lastStart = System.nanoTime() - Long.MAX_VALUE / 4;

  public GroupCommitter(Vertx vertx, Runnable commit) {
    this(vertx, commit, Long.getLong("harbour.commit.minGapMicros", DEFAULT_MIN_GAP_MICROS));
  }

  GroupCommitter(Vertx vertx, Runnable commit, long minGapMicros) {
    this.vertx = Objects.requireNonNull(vertx);
    this.commit = Objects.requireNonNull(commit);
    this.minGapNanos = minGapMicros * 1000;
  }

  @Override
  public synchronized Future<Void> afterWrite() {
    if (running == null) {
      running = Promise.promise();
      Future<Void> mine = running.future();
      schedule();
      return mine;
    }
    if (!runningStarted) {
      return running.future();
    }
    // A commit is already running and may have started before this write finished: wait for the next.
    if (next == null) {
      next = Promise.promise();
    }
    return next.future();
  }

  /** Starts the pending commit now, or once the least gap since the last one has passed. */
  private void schedule() {
    long wait = minGapNanos - (System.nanoTime() - lastStart);
    if (wait < 1_000_000) {
      startCommit();
    } else {
      vertx.setTimer(wait / 1_000_000, id -> startCommit());
    }
  }

  private void startCommit() {
    synchronized (this) {
      runningStarted = true;
      lastStart = System.nanoTime();
    }
    vertx
        .<Void>executeBlocking(
            () -> {
              commit.run();
              return null;
            },
            false)
        .onComplete(this::finished);
  }

  private void finished(io.vertx.core.AsyncResult<Void> result) {
    Promise<Void> done;
    synchronized (this) {
      done = running;
      running = next;
      next = null;
      runningStarted = false;
      if (running != null) {
        schedule();
      }
    }
    if (result.failed()) {
      // Said once here, where the cause is known; each waiting request only sees its write fail.
      // H2's commit errors name maps, chunks and files, not document contents.
      LOG.error("Committing the embedded store failed, so every write waiting on this commit fails", result.cause());
    }
    done.handle(result);
  }
}
