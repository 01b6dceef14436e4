package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs routing's sweep passes one at a time: a call while a pass runs queues one more after it
 * (never more than one), so no change is missed and passes never pile up; a stop lets the pass
 * under way end and begins none after it.
 */
final class SweepTurns {

  /** Under routing's name: a failed sweep is routing's to report. */
  private static final Logger LOG = LoggerFactory.getLogger(Routing.class);

  private final Supplier<Future<Void>> pass;
  private Future<Void> running;
  private Future<Void> queued;
  private volatile boolean stopping;

  SweepTurns(Supplier<Future<Void>> pass) {
    this.pass = Objects.requireNonNull(pass);
  }

  /** The next pass: begun now if none runs, otherwise the one queued after the pass running. */
  synchronized Future<Void> next() {
    if (running == null) {
      return begin();
    }
    if (queued == null) {
      queued = running.transform(r -> beginQueued());
    }
    return queued;
  }

  /** From now no pass begins; completes once the last one begun or queued has ended. */
  synchronized Future<Void> stop() {
    stopping = true;
    Future<Void> last = queued != null ? queued : running;
    return last == null ? Future.succeededFuture() : last;
  }

  /** Whether {@link #stop} was called: a pass under way checks this between conversations. */
  boolean stopping() {
    return stopping;
  }

  private synchronized Future<Void> beginQueued() {
    queued = null;
    return begin();
  }

  private synchronized Future<Void> begin() {
    Promise<Void> done = Promise.promise();
    Future<Void> mine = done.future();
    running = mine;
    Future<Void> passed;
    try {
      passed = stopping ? Future.succeededFuture() : pass.get();
    } catch (RuntimeException e) {
      // Thrown before any future: without this, running never completes and no sweep runs again.
      passed = Future.failedFuture(e);
    }
    passed.onFailure(e -> LOG.error("A routing sweep failed; the next one runs as usual", e))
        .onComplete(
            r -> {
              synchronized (this) {
                if (running == mine) {
                  running = null;
                }
              }
              done.complete();
            });
    return mine;
  }
}
