package uk.harbour.async;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Work that must get done though the store may refuse it for a while (a replica set electing a new
 * primary, a restart): tried again after each of the given waits, on a Vert.x timer that the
 * caller's verticle stopping does not cancel ({@link LastingTimer}); the last failure is the
 * answer. Only for work that is safe to try twice.
 */
public final class Retried {

  private Retried() {}

  /** {@code retrying} hears each failure that will be tried again, and the wait before it. */
  public static <T> Future<T> after(Vertx vertx, List<Duration> waits, Supplier<Future<T>> work, BiConsumer<Throwable, Duration> retrying) {
    return attempt(vertx, waits, work, retrying, 0);
  }

  private static <T> Future<T> attempt(Vertx vertx, List<Duration> waits, Supplier<Future<T>> work, BiConsumer<Throwable, Duration> retrying, int tried) {
    return work.get().recover(e -> {
      if (tried >= waits.size()) {
        return Future.failedFuture(e);
      }
      Duration wait = waits.get(tried);
      retrying.accept(e, wait);
      Promise<T> next = Promise.promise();
      LastingTimer.set(vertx, Math.max(1, wait.toMillis()), id -> attempt(vertx, waits, work, retrying, tried + 1).onComplete(next));
      return OnCaller.answer(next.future());
    });
  }
}
