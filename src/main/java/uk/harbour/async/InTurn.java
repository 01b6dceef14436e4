package uk.harbour.async;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

  /**
   * The same with up to {@code lanes} steps waiting at once, each lane taking the next item as its
   * step completes: for steps that each wait on the store, so the waits overlap. Fails with the
   * first failure; steps already running in other lanes are not stopped.
   */
  public static <T> Future<Void> forEach(Collection<T> items, int lanes, Function<T, Future<?>> step) {
    Queue<T> left = new ConcurrentLinkedQueue<>(items);
    List<Future<Void>> running = new ArrayList<>();
    for (int lane = 0; lane < Math.max(1, lanes); lane++) {
      running.add(forEach(taking(left), step));
    }
    return Future.all(running).mapEmpty();
  }

  /** Items taken from {@code left} one at a time, each by one lane only. */
  private static <T> Iterable<T> taking(Queue<T> left) {
    return () -> new Iterator<>() {
      private T taken;

      @Override
      public boolean hasNext() {
        if (taken == null) {
          taken = left.poll();
        }
        return taken != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T item = taken;
        taken = null;
        return item;
      }
    };
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
