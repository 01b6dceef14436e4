package uk.harbour.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;

@DisplayName("Retried work is tried again after each wait, and fails with the last failure once they are used up")
@Timeout(30)
class RetriedTest {

  private static final List<Duration> WAITS = List.of(Duration.ofMillis(20), Duration.ofMillis(40));
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("Work failing twice then succeeding succeeds on the third try, each retry heard with its wait")
  void succeedsOnALaterTry() {
    AtomicInteger tries = new AtomicInteger();
    List<Duration> heard = new CopyOnWriteArrayList<>();
    String result = Futures.join(Retried.after(vertx, WAITS,
        () -> tries.incrementAndGet() <= 2 ? Future.failedFuture(new IllegalStateException("refused " + tries.get())) : Future.succeededFuture("stored"),
        (e, wait) -> heard.add(wait)));
    assertEquals("stored", result);
    assertEquals(3, tries.get());
    assertEquals(WAITS, heard);
  }

  @Test
  @DisplayName("Work that always fails is tried once more per wait, then fails with its last failure")
  void givesUpWithTheLastFailure() {
    AtomicInteger tries = new AtomicInteger();
    Throwable failure = Futures.failure(Retried.after(vertx, WAITS,
        () -> Future.failedFuture(new IllegalStateException("refused " + tries.incrementAndGet())), (e, wait) -> {}));
    assertEquals("refused 3", failure.getMessage());
    assertEquals(3, tries.get());
  }

  @Test
  @DisplayName("A retry set by a verticle still happens when that verticle is undeployed before it is due")
  void retriesOutliveTheCallersVerticle() {
    AtomicInteger tries = new AtomicInteger();
    Promise<Future<String>> retried = Promise.promise();
    String deployment = Futures.join(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        retried.complete(Retried.after(vertx, List.of(Duration.ofMillis(300)),
            () -> tries.incrementAndGet() == 1 ? Future.failedFuture(new IllegalStateException("refused")) : Future.succeededFuture("stored"),
            (e, wait) -> {}));
        return Future.succeededFuture();
      }
    }));
    Futures.join(vertx.undeploy(deployment));
    assertEquals("stored", Futures.join(Futures.join(retried.future())));
    assertEquals(2, tries.get());
  }
}
