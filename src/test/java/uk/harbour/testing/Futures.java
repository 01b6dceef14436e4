package uk.harbour.testing;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Waiting for a future from a test thread (never an event loop) in tests that run no whole Harbour. */
public final class Futures {

  private Futures() {}

  /** The result within 20 s; a failure surfaces as a {@link java.util.concurrent.CompletionException}. */
  public static <T> T join(Future<T> future) {
    return join(future, 20);
  }

  /** As above, for work whose time is not the point (bulk writes), within {@code seconds}. */
  public static <T> T join(Future<T> future, long seconds) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(seconds, TimeUnit.SECONDS).join();
  }
}
