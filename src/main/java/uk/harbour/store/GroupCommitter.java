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

  private final Vertx vertx;
  private final Runnable commit;
  private Promise<Void> running;
  private Promise<Void> next;

  public GroupCommitter(Vertx vertx, Runnable commit) {
    this.vertx = Objects.requireNonNull(vertx);
    this.commit = Objects.requireNonNull(commit);
  }

  @Override
  public synchronized Future<Void> afterWrite() {
    if (running == null) {
      running = Promise.promise();
      Future<Void> mine = running.future();
      startCommit();
      return mine;
    }
    // A commit is already running and may have started before this write finished: wait for the next.
    if (next == null) {
      next = Promise.promise();
    }
    return next.future();
  }

  private void startCommit() {
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
      if (running != null) {
        startCommit();
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
