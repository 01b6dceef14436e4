package uk.harbour.testing;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Waiting for a future from a test thread (never an event loop) in tests that run no whole Harbour. */
public final class Futures {

  private Futures() {}

  /** The result within 20 s; a failure surfaces as a {@link java.util.concurrent.CompletionException}. */
  public static <T> T join(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
  }
}
