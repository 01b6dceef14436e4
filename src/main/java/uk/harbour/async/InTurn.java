package uk.harbour.async;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Runs an asynchronous step for each item, one after the other, stopping at the first failure.
 * Unlike a chain of {@code compose} built in a loop, the stack does not grow with the number of
 * items: such a chain, waiting on a future not yet complete, unwinds through every link at once
 * when it completes, and a few thousand steps that finish at once (a routing sweep over every
 * conversation, most with nothing to do) overflow the stack and leave the chain never completing.
 */
public final class InTurn {

  private InTurn() {}

  public static <T> Future<Void> forEach(Iterable<T> items, Function<T, Future<?>> step) {
    Promise<Void> done = Promise.promise();
    next(items.iterator(), step, done);
    return done.future();
  }

  /** Runs the steps that finish at once in a loop; waits (returning) only on one that has not. */
  private static <T> void next(Iterator<T> items, Function<T, Future<?>> step, Promise<Void> done) {
    while (items.hasNext()) {
      Future<?> current;
      try {
        current = step.apply(items.next());
      } catch (RuntimeException e) {
        done.fail(e);
        return;
      }
      if (!current.isComplete()) {
        current.onComplete(r -> {
          if (r.failed()) {
            done.fail(r.cause());
          } else {
            next(items, step, done);
          }
        });
        return;
      }
      if (current.failed()) {
        done.fail(current.cause());
        return;
      }
    }
    done.complete();
  }
}
