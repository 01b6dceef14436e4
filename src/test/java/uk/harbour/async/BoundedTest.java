package uk.harbour.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Contexts;
import uk.harbour.testing.Futures;

@DisplayName("Bounded work fails once its limit has passed, and otherwise answers as the work did")
@Timeout(30)
class BoundedTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("Work that never finishes fails with a TimeoutException after the limit, on the caller's context")
  void neverFinishing() {
    Context caller = Contexts.ofItsOwn(vertx);
    CompletableFuture<Context> answeredOn = new CompletableFuture<>();
    Promise<Void> outcome = Promise.promise();
    long startedAt = System.nanoTime();
    caller.runOnContext(v -> {
      Future<Void> bounded = Bounded.within(vertx, Duration.ofMillis(200), Promise.<Void>promise().future());
      bounded.onComplete(r -> answeredOn.complete(Vertx.currentContext()));
      bounded.onComplete(outcome);
    });
    Throwable failure = Futures.failure(outcome.future());
    assertInstanceOf(TimeoutException.class, failure);
    assertTrue((System.nanoTime() - startedAt) / 1_000_000 >= 200, "not before the limit");
    assertSame(caller, answeredOn.join());
  }

  @Test
  @DisplayName("Work that finishes in time gives its result or its own failure")
  void finishingInTime() {
    Promise<String> work = Promise.promise();
    Future<String> bounded = Bounded.within(vertx, Duration.ofSeconds(5), work.future());
    work.complete("done");
    assertEquals("done", Futures.join(bounded));

    Promise<String> failing = Promise.promise();
    Future<String> boundedFailure = Bounded.within(vertx, Duration.ofSeconds(5), failing.future());
    IllegalStateException cause = new IllegalStateException("its own failure");
    failing.fail(cause);
    assertSame(cause, Futures.failure(boundedFailure));
  }

  @Test
  @DisplayName("The limit holds though the verticle that set it is undeployed before it passes")
  void limitOutlivesTheCallersVerticle() {
    Promise<Future<Void>> bounded = Promise.promise();
    String deployment = Futures.join(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        bounded.complete(Bounded.within(vertx, Duration.ofMillis(300), Promise.<Void>promise().future()));
        return Future.succeededFuture();
      }
    }));
    Futures.join(vertx.undeploy(deployment));
    assertInstanceOf(TimeoutException.class, Futures.failure(Futures.join(bounded.future())));
  }
}
