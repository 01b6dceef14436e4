package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the routing sweep once at start (rebuilding pending escalations) and then periodically. */
public final class RoutingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);

  private final Routing routing;
  private final Duration every;

  public RoutingVerticle(Routing routing, Duration every) {
    this.routing = Objects.requireNonNull(routing);
    this.every = Objects.requireNonNull(every);
  }

  @Override
  public Future<?> start() {
    return routing
        .start()
        .compose(v -> routing.sweep())
        .onSuccess(v -> vertx.setPeriodic(every.toMillis(), id -> routing.sweep().onFailure(e -> LOG.warn("Routing sweep failed", e))));
  }
}
