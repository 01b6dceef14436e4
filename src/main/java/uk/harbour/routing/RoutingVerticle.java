package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.cluster.Leadership;

/**
 * Starts routing on this node (every node routes the messages it stores) and runs the periodic
 * sweep, once at start (rebuilding pending escalations) and then every {@code every}, only while
 * this node leads: on several nodes exactly one sweeps at a time.
 *
 * <p>Harbour serves while the first sweep runs. Every conversation is caught up with the store
 * before it starts and routing already listens, so nothing waiting is missed; but after a crash
 * with hundreds of waits to act on, one stored decision after another, the first sweep takes
 * seconds, and young people should not wait those seconds to reach Harbour at all.
 */
public final class RoutingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);

  private final Supplier<Future<Void>> startRouting;
  private final Supplier<Future<Void>> sweep;
  private final Duration every;
  private final Leadership leadership;

  public RoutingVerticle(Routing routing, Duration every, Leadership leadership) {
    this(routing::start, routing::sweep, every, leadership);
  }

  RoutingVerticle(Supplier<Future<Void>> startRouting, Supplier<Future<Void>> sweep, Duration every, Leadership leadership) {
    this.startRouting = Objects.requireNonNull(startRouting);
    this.sweep = Objects.requireNonNull(sweep);
    this.every = Objects.requireNonNull(every);
    this.leadership = Objects.requireNonNull(leadership);
  }

  @Override
  public Future<?> start() {
    return startRouting.get().onSuccess(v -> {
      if (leadership.leading()) {
        long began = System.nanoTime();
        sweep.get().onComplete(r -> {
          if (r.succeeded()) {
            LOG.info("Routing's first sweep finished {} ms after routing started", (System.nanoTime() - began) / 1_000_000);
          } else {
            LOG.warn("Routing's first sweep failed; the next one follows in {} s", every.toSeconds(), r.cause());
          }
        });
      }
      // A tick while the first sweep still runs queues one sweep after it (Routing#sweep), never more.
      vertx.setPeriodic(every.toMillis(), id -> sweepIfLeading().onFailure(e -> LOG.warn("Routing sweep failed", e)));
    });
  }

  private Future<Void> sweepIfLeading() {
    return leadership.leading() ? sweep.get() : Future.succeededFuture();
  }
}
