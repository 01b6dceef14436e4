package uk.harbour.async;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Work that must not wait for ever: its outcome, or a {@link TimeoutException} once the limit has
 * passed, answered on the caller's context. Vert.x's own {@code Future.timeout} fires on a Netty
 * global thread for a future bound to no context, which most of Harbour's are. The limit holds
 * though the caller's verticle is undeployed meanwhile ({@link LastingTimer}).
 */
public final class Bounded {

  private Bounded() {}

  public static <T> Future<T> within(Vertx vertx, Duration limit, Future<T> work) {
    if (work.isComplete()) {
      return work;
    }
    Promise<T> bounded = Promise.promise();
    long timer = LastingTimer.set(vertx, limit.toMillis(), id -> bounded.tryFail(new TimeoutException("not done within " + limit.toMillis() + " ms")));
    work.onComplete(
        r -> {
          vertx.cancelTimer(timer);
          if (r.succeeded()) {
            bounded.tryComplete(r.result());
          } else {
            bounded.tryFail(r.cause());
          }
        });
    return OnCaller.answer(bounded.future());
  }
}
