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

  /** The failure within 20 s; an {@link AssertionError} if the future succeeds or is still waiting. */
  public static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("still waiting after 20 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    throw new AssertionError("succeeded, where a failure was expected");
  }
}
