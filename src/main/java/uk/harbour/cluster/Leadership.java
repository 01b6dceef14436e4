package uk.harbour.cluster;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Whether this node runs the cluster's one-at-a-time duties now: the routing sweep (shift-end
 * handovers, escalation alerts, the queue, next-day handover items) and seeding. One node always
 * does; in clustered mode a lease in the store ({@link StoreLease}) decides which.
 */
public interface Leadership {

  /** True while this node holds the duties; read before every sweep. */
  boolean leading();

  /**
   * Runs {@code duty} each time this node takes the duties over, before {@link #leading()} says
   * so (catching up what the last holder did, seeding); register before {@link #start()}.
   */
  void onGained(Supplier<Future<Void>> duty);

  /** Takes the duties if it can (a single node always does), running every {@link #onGained} duty first. */
  Future<Void> start();

  /** Gives the duties up so another node takes them at once. */
  Future<Void> stop();

  /** A single node: it always leads. */
  static Leadership alone() {
    return new Leadership() {
      private final java.util.List<Supplier<Future<Void>>> duties = new java.util.concurrent.CopyOnWriteArrayList<>();
      private volatile boolean started;

      @Override
      public boolean leading() {
        return started;
      }

      @Override
      public void onGained(Supplier<Future<Void>> duty) {
        duties.add(duty);
      }

      @Override
      public Future<Void> start() {
        Future<Void> chain = Future.succeededFuture();
        for (Supplier<Future<Void>> duty : duties) {
          chain = chain.compose(v -> duty.get());
        }
        return chain.onSuccess(v -> started = true);
      }

      @Override
      public Future<Void> stop() {
        return Future.succeededFuture();
      }
    };
  }
}
