package uk.harbour.cluster;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by a lease in the store. The holder renews it every {@link #RENEW_EVERY} for
 * {@link #TERM}; any node takes it once it has lapsed, or at once when the cluster says its holder
 * has left ({@link #nodeLeft}). A node that takes it first runs the take-over duties ({@link
 * #onGained}), then leads. The holder stops leading {@link #MARGIN} before its term ends, so
 * a holder that cannot reach the store (or pauses) stops before another may start. Even so, two
 * nodes never act twice on one conversation: every routing decision is written at the
 * conversation's next seq, and the store refuses a second write there (see docs/operations.md).
 */
public final class StoreLease implements Leadership {

  private static final Logger LOG = LoggerFactory.getLogger(StoreLease.class);

  public static final String ROUTING = "routing";
  public static final Duration TERM = Duration.ofSeconds(10);
  public static final Duration RENEW_EVERY = Duration.ofSeconds(2);
  static final Duration MARGIN = Duration.ofSeconds(3);

  private final LeaseRepository leases;
  private final String node;
  private final Clock clock;
  private final List<Supplier<Future<Void>>> duties = new CopyOnWriteArrayList<>();
  /** When the lease this node last held ends; null while it does not hold it. */
  private volatile Instant heldUntil;
  private volatile boolean held;
  /** The take-over duties have finished since the lease was taken. */
  private volatile boolean ready;
  private Future<Void> attempt = Future.succeededFuture();
  private volatile Future<Void> takingOver = Future.succeededFuture();

  /** {@code node}: this node's id in the cluster, the one {@link #nodeLeft} is told about. */
  public StoreLease(LeaseRepository leases, String node, Clock clock) {
    this.leases = Objects.requireNonNull(leases);
    this.node = Objects.requireNonNull(node);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public boolean leading() {
    Instant until = heldUntil;
    return ready && until != null && clock.instant().isBefore(until.minus(MARGIN));
  }

  @Override
  public void onGained(Supplier<Future<Void>> duty) {
    duties.add(Objects.requireNonNull(duty));
  }

  @Override
  public Future<Void> start() {
    // A node that takes the lease at start finishes taking over (seeding) before it serves anyone.
    return renew().compose(v -> takingOver).recover(e -> Future.succeededFuture());
  }

  /** Holds or renews the lease; call every {@link #RENEW_EVERY}. Never fails: a store error just means not holding. */
  public synchronized Future<Void> renew() {
    attempt = attempt.transform(r -> {
      Instant now = clock.instant();
      return outcome(leases.hold(ROUTING, node, now, now.plus(TERM)), now);
    });
    return attempt;
  }

  /** The cluster says {@code gone} has left: if it held the lease, take it now rather than when its term ends. */
  public synchronized Future<Void> nodeLeft(String gone) {
    attempt = attempt.transform(r -> {
      Instant now = clock.instant();
      return outcome(leases.takeFrom(ROUTING, gone, node, now.plus(TERM)).compose(taken -> taken
          ? Future.succeededFuture(true)
          : leases.hold(ROUTING, node, now, now.plus(TERM))), now);
    });
    return attempt;
  }

  private Future<Void> outcome(Future<Boolean> holding, Instant at) {
    return holding
        .recover(e -> {
          LOG.warn("Could not reach the store to hold the routing lease", e);
          return Future.succeededFuture(false);
        })
        .map(has -> {
          if (!has) {
            if (held) {
              LOG.warn("This node no longer runs routing: it could not renew the lease");
            }
            held = false;
            ready = false;
            heldUntil = null;
            return null;
          }
          heldUntil = at.plus(TERM);
          if (!held) {
            held = true;
            ready = false;
            LOG.info("This node now holds the routing lease: catching up, then running the sweep, escalations, handovers and seeding");
            // Not in the renewal chain: catching up many conversations may take longer than a term.
            takingOver = gained().onComplete(r -> {
              if (r.failed()) {
                LOG.error("Taking over routing failed; trying again at the next renewal", r.cause());
                held = false;
              } else if (held) {
                ready = true;
                LOG.info("This node now runs routing");
              }
            });
          }
          return null;
        });
  }

  private Future<Void> gained() {
    Future<Void> chain = Future.succeededFuture();
    for (Supplier<Future<Void>> duty : duties) {
      chain = chain.compose(v -> duty.get());
    }
    return chain;
  }

  @Override
  public synchronized Future<Void> stop() {
    boolean had = held;
    held = false;
    ready = false;
    heldUntil = null;
    return had ? leases.release(ROUTING, node).recover(e -> Future.succeededFuture()) : Future.succeededFuture();
  }
}
