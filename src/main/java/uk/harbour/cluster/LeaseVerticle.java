package uk.harbour.cluster;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Objects;

/** Holds the routing lease from start (taking it if free) and renews it; gives it up on stop so another node takes over at once. */
public final class LeaseVerticle extends VerticleBase {

  private final StoreLease lease;

  public LeaseVerticle(StoreLease lease) {
    this.lease = Objects.requireNonNull(lease);
  }

  @Override
  public Future<?> start() {
    return lease.start().onSuccess(v -> vertx.setPeriodic(StoreLease.RENEW_EVERY.toMillis(), id -> lease.renew()));
  }

  @Override
  public Future<?> stop() {
    return lease.stop();
  }
}
