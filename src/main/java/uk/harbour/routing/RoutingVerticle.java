package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.cluster.Leadership;

/**
 * Starts routing on this node (every node routes the messages it stores) and runs the periodic
 * sweep, once at start (rebuilding pending escalations) and then every {@code every}, only while
 * this node leads: on several nodes exactly one sweeps at a time.
 */
public final class RoutingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);

  private final Routing routing;
  private final Duration every;
  private final Leadership leadership;

  public RoutingVerticle(Routing routing, Duration every, Leadership leadership) {
    this.routing = Objects.requireNonNull(routing);
    this.every = Objects.requireNonNull(every);
    this.leadership = Objects.requireNonNull(leadership);
  }

  @Override
  public Future<?> start() {
    return routing
        .start()
        .compose(v -> sweepIfLeading())
        .onSuccess(v -> vertx.setPeriodic(every.toMillis(), id -> sweepIfLeading().onFailure(e -> LOG.warn("Routing sweep failed", e))));
  }

  private Future<Void> sweepIfLeading() {
    return leadership.leading() ? routing.sweep() : Future.succeededFuture();
  }
}
