package uk.harbour.async;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

/**
 * A Vert.x timer that outlives the verticle that set it, firing on the caller's context as
 * {@code vertx.setTimer} would. Vert.x cancels a verticle's timers when it is undeployed, which is
 * right for the verticle's own work but not for work others wait on: a store commit made due by a
 * write from a verticle stopping first never ran, and every later write (the stop's own snapshots
 * included) waited for it for ever. Cancel with {@code vertx.cancelTimer} as usual.
 */
public final class LastingTimer {

  private LastingTimer() {}

  public static long set(Vertx vertx, long delayMillis, Handler<Long> handler) {
    // Vert.x 5.0 internal API: ContextInternal's own timers take no close hook on a deployment.
    return ((VertxInternal) vertx).getOrCreateContext().setTimer(delayMillis, handler);
  }
}
