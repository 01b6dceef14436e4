package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Shares one file commit among every write that finished before it started, so a burst of
 * messages costs one sync rather than one each. Commits run on a worker, never an event loop.
 */
public final class GroupCommitter implements Durability {

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
    done.handle(result);
  }
}
