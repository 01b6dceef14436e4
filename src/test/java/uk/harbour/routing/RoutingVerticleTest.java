package uk.harbour.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.cluster.Leadership;

@DisplayName("Routing's verticle lets Harbour serve while its first sweep runs")
@Timeout(30)
class RoutingVerticleTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Deployed once routing listens, with the first sweep still running; the periodic sweep goes on meanwhile")
  void readyBeforeTheFirstSweepFinishes() throws Exception {
    Promise<Void> firstSweep = Promise.promise();
    AtomicInteger sweeps = new AtomicInteger();
    RoutingVerticle verticle = new RoutingVerticle(Future::succeededFuture, () -> sweeps.incrementAndGet() == 1 ? firstSweep.future() : Future.succeededFuture(),
        Duration.ofMillis(50), leading());

    Future<String> deployed = vertx.deployVerticle(verticle);
    deployed.await(5, TimeUnit.SECONDS);

    assertTrue(deployed.succeeded(), String.valueOf(deployed.cause()));
    assertFalse(firstSweep.future().isComplete(), "the first sweep is still running");
    await().atMost(5, TimeUnit.SECONDS).until(() -> sweeps.get() >= 3);
    firstSweep.complete();
  }

  @Test
  @DisplayName("A first sweep that fails does not stop the ones after it")
  void failedFirstSweepIsFollowedByMore() throws Exception {
    AtomicInteger sweeps = new AtomicInteger();
    RoutingVerticle verticle = new RoutingVerticle(Future::succeededFuture,
        () -> sweeps.incrementAndGet() == 1 ? Future.failedFuture("store gone") : Future.succeededFuture(), Duration.ofMillis(50), leading());

    vertx.deployVerticle(verticle).await(5, TimeUnit.SECONDS);

    await().atMost(5, TimeUnit.SECONDS).until(() -> sweeps.get() >= 2);
  }

  @Test
  @DisplayName("Routing that cannot start fails the deployment, and nothing sweeps")
  void routingThatCannotStartFailsDeployment() throws Exception {
    AtomicInteger sweeps = new AtomicInteger();
    RoutingVerticle verticle = new RoutingVerticle(() -> Future.failedFuture("no staff names"),
        () -> {
          sweeps.incrementAndGet();
          return Future.succeededFuture();
        }, Duration.ofMillis(50), leading());

    Future<String> deployed = vertx.deployVerticle(verticle);
    deployed.transform(r -> Future.succeededFuture()).await(5, TimeUnit.SECONDS);

    assertTrue(deployed.failed());
    await().during(200, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS).until(() -> sweeps.get() == 0);
  }

  @Test
  @DisplayName("A node that does not lead routes but never sweeps, first or later")
  void followerNeverSweeps() throws Exception {
    AtomicInteger sweeps = new AtomicInteger();
    RoutingVerticle verticle = new RoutingVerticle(Future::succeededFuture,
        () -> {
          sweeps.incrementAndGet();
          return Future.succeededFuture();
        }, Duration.ofMillis(50), Leadership.alone());

    vertx.deployVerticle(verticle).await(5, TimeUnit.SECONDS);

    await().during(300, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS).until(() -> sweeps.get() == 0);
  }

  /** A single node that has started, so it leads ({@link Leadership#alone} does not before it starts). */
  private static Leadership leading() {
    Leadership leadership = Leadership.alone();
    leadership.start();
    return leadership;
  }
}
