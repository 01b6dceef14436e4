package uk.harbour.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.Bounded;
import uk.harbour.async.LastingTimer;
import uk.harbour.async.OnCaller;

/**
 * Shares one file commit among every write that finished before it started, so a burst of
 * messages costs one sync rather than one each. Commits run on a worker, never an event loop.
 *
 * <p>A commit goes through three steps: due (waiting out the gap after the last one), writing
 * (the {@link #beforeEachCommit} writes held for it are made) and running (the file commit). A
 * write that finishes before the running step is covered; one that finishes later waits for the
 * next commit. The writing step is bounded: a held write whose answer never comes would otherwise
 * hold every later acknowledgement with it. Nothing is called under this object's lock but the
 * bookkeeping, so a {@code beforeEachCommit} writer may call back in from any thread.
 */
public final class GroupCommitter implements Durability {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  /**
   * Each commit costs a sync of the store's log (and a wake-up of every writer it answers) whatever
   * the number of writes it covers. 8 ms between starts took a sixth off the server's CPU per
   * message at 1,000/s against 4 ms, with a lower p99 and a median of about 7 ms (docs/performance.md,
   * "Twentieth pass"); the first write after a quiet spell is still committed at once.
   */
  static final long DEFAULT_MIN_GAP_MICROS = 8000;

  /**
   * The commit's own thread: commits run one at a time anyway, and on Vert.x's shared worker pool
   * they queued behind password hashing and showed as "workers" in the bench's CPU split.
   */
  static final String COMMIT_THREAD = "harbour-commit";

  /**
   * How long a commit waits for the writes held for it: they take milliseconds, so this is only
   * reached by an answer lost on its way (the driver itself gives up after a minute), and it is
   * well within the 15 s after which a stalled commit fails readiness ({@link CommitStall}).
   */
  static final Duration HELD_WRITES_LIMIT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Runnable commit;
  private final WorkerExecutor commitThread;
  /** The least time from one commit's start to the next's: writes arriving meanwhile share the next one. */
  private final long minGapNanos;
  private final Duration heldWritesLimit;
  private final List<Function<Commit, Future<?>>> writers = new CopyOnWriteArrayList<>();
  private Promise<Void> running;
  /** Whether {@code running}'s held writes have been asked for: a write held from now on needs the next commit. */
  private boolean writing;
  /** Whether {@code running} has begun; until it has, a new write is still in it. */
  private boolean runningStarted;
  /** Completed as {@code running} begins, for the writes held for it ({@link Durability.Commit}). */
  private Promise<Void> begun;
  private Promise<Void> next;
  private long lastStart = System.nanoTime() - Long.MAX_VALUE / 4;
  /** When {@code running} and {@code next} were first owed to a write, for {@link #commitOwedFor()}. */
  private long owedSince;
  private long nextOwedSince;

  public GroupCommitter(Vertx vertx, Runnable commit) {
    this(vertx, commit, Long.getLong("harbour.commit.minGapMicros", DEFAULT_MIN_GAP_MICROS));
  }

  GroupCommitter(Vertx vertx, Runnable commit, long minGapMicros) {
    this(vertx, commit, minGapMicros, HELD_WRITES_LIMIT);
  }

  GroupCommitter(Vertx vertx, Runnable commit, long minGapMicros, Duration heldWritesLimit) {
    this.vertx = Objects.requireNonNull(vertx);
    this.commit = Objects.requireNonNull(commit);
    this.minGapNanos = minGapMicros * 1000;
    this.heldWritesLimit = Objects.requireNonNull(heldWritesLimit);
    this.commitThread = vertx.createSharedWorkerExecutor(COMMIT_THREAD, 1);
  }

  @Override
  public Future<Void> close() {
    return commitThread.close();
  }

  @Override
  public Future<Void> afterWrite() {
    Future<Void> mine;
    boolean due;
    synchronized (this) {
      due = running == null;
      if (due) {
        running = owe();
      }
      // A commit already running may have started before this write finished: wait for the next.
      mine = runningStarted ? next().future() : running.future();
    }
    if (due) {
      schedule();
    }
    // The commit completes on the context that started it, often another writer's.
    return OnCaller.answer(mine);
  }

  @Override
  public synchronized boolean committing() {
    return running != null;
  }

  @Override
  public void commitSoon() {
    boolean due;
    synchronized (this) {
      due = running == null;
      if (due) {
        running = owe();
      } else if (writing) {
        next();
      }
    }
    if (due) {
      schedule();
    }
  }

  @Override
  public void beforeEachCommit(Function<Commit, Future<?>> writes) {
    writers.add(Objects.requireNonNull(writes));
  }

  @Override
  public synchronized Duration commitOwedFor() {
    return running == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - owedSince);
  }

  /** A new commit owed from now; the caller holds the lock. */
  private Promise<Void> owe() {
    owedSince = System.nanoTime();
    return Promise.promise();
  }

  private Promise<Void> next() {
    if (next == null) {
      next = Promise.promise();
      nextOwedSince = System.nanoTime();
    }
    return next;
  }

  /** Starts the due commit now, or once the least gap since the last one has passed. */
  private void schedule() {
    long wait;
    synchronized (this) {
      wait = minGapNanos - (System.nanoTime() - lastStart);
    }
    if (wait < 1_000_000) {
      startCommit();
    } else {
      // Lasting: every write waits for this commit, not only the caller's, whose verticle may stop first.
      LastingTimer.set(vertx, wait / 1_000_000, id -> startCommit());
    }
  }

  private void startCommit() {
    Commit coming;
    synchronized (this) {
      writing = true;
      lastStart = System.nanoTime();
      begun = Promise.promise();
      coming = new Commit(begun.future(), running.future());
    }
    Future<?> held = Future.join(writers.stream().<Future<?>>map(writer -> heldBy(writer, coming)).toList());
    // A writer's failure is its own writes' (their callers were told); the commit goes ahead.
    Bounded.within(vertx, heldWritesLimit, held).onComplete(
        outcome -> {
          if (outcome.failed() && outcome.cause() instanceof TimeoutException) {
            LOG.warn("Writes held for a commit did not answer within {} ms; committing without them, so they wait for the next commit",
                heldWritesLimit.toMillis());
          }
          runCommit();
        });
  }

  /**
   * A writer's held writes; one that throws instead of answering (its client closed, say) has
   * failed them, and the commit goes ahead: thrown from here it would leave this commit owed, and
   * every later write waiting, for ever.
   */
  private static Future<?> heldBy(Function<Commit, Future<?>> writer, Commit coming) {
    try {
      return writer.apply(coming);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void runCommit() {
    Promise<Void> starting;
    synchronized (this) {
      runningStarted = true;
      starting = begun;
    }
    // Before the file commit is asked for: a held write answering from now on is not in it.
    starting.complete();
    Future<Void> committed;
    try {
      committed = commitThread.executeBlocking(() -> {
        commit.run();
        return null;
      }, false);
    } catch (RuntimeException closed) {
      // After close() the thread refuses work by throwing (RejectedExecutionException, or another
      // for a Vert.x already closing): the writes waiting must still hear.
      committed = Future.failedFuture(closed);
    }
    committed.onComplete(this::finished);
  }

  private void finished(AsyncResult<Void> result) {
    Promise<Void> done;
    boolean again;
    synchronized (this) {
      done = running;
      running = next;
      owedSince = nextOwedSince;
      next = null;
      writing = false;
      runningStarted = false;
      again = running != null;
    }
    if (result.failed()) {
      // Said once here, where the cause is known; each waiting request only sees its write fail.
      // H2's commit errors name maps, chunks and files, not document contents.
      LOG.error("Committing the embedded store failed, so every write waiting on this commit fails", result.cause());
    }
    done.handle(result);
    if (again) {
      schedule();
    }
  }
}
