package uk.harbour.testing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Event-loop contexts for tests that need work to start on two different ones. */
public final class Contexts {

  private Contexts() {}

  /** A new context on one of {@code vertx}'s event loops: off Vert.x, each thread gets one of its own. */
  public static Context ofItsOwn(Vertx vertx) {
    Context[] made = new Context[1];
    Thread thread = new Thread(() -> made[0] = vertx.getOrCreateContext());
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return made[0];
  }
}
