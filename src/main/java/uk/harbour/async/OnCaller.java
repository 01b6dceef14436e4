package uk.harbour.async;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * A future's outcome heard on the caller's context, as Vert.x's own clients answer. Without it a
 * listener runs on whichever thread completed the future: a message is durable when the group
 * commit finishes, on the context that started that commit, and an HTTP response written from
 * there is refused ("Only the context thread can write a message"), so the request never answered.
 */
public final class OnCaller {

  private OnCaller() {}

  /** {@code future}, answered on the context current now (unchanged when called off any context). */
  public static <T> Future<T> answer(Future<T> future) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return future;
    }
    return on(caller, future);
  }

  /**
   * {@code future}, answered on {@code context}. The answer is bound to that context, so an
   * exception thrown by one of its listeners is reported (logged as "Unhandled exception") rather
   * than dropped, as Vert.x drops those of a future bound to none that has several listeners.
   */
  public static <T> Future<T> on(Context context, Future<T> future) {
    Promise<T> answered = ((ContextInternal) context).promise();
    future.onComplete(r -> {
      if (Vertx.currentContext() == context) {
        answered.handle(r);
      } else {
        context.runOnContext(v -> answered.handle(r));
      }
    });
    return answered.future();
  }
}
