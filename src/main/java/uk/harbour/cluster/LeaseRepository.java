package uk.harbour.cluster;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases in the store: one document per lease naming its holder and until when it holds. The
 * store's atomic conditional update decides between nodes, so at most one holds a lease at a time
 * (given clocks that agree to within the renewal margin).
 */
public interface LeaseRepository {

  /** Who holds a lease and until when. */
  record Lease(String name, String holder, Instant until) {}

  /**
   * Holds (or keeps holding) {@code name} for {@code holder} until {@code until}, if nobody else
   * holds it at {@code now}. True when {@code holder} has it.
   */
  Future<Boolean> hold(String name, String holder, Instant now, Instant until);

  /** Takes {@code name} from {@code gone} (a node the cluster says has left), whatever its time. True when taken. */
  Future<Boolean> takeFrom(String name, String gone, String holder, Instant until);

  /** Ends {@code holder}'s lease now, if it still holds it, so another node can take it at once. */
  Future<Void> release(String name, String holder);

  Future<Optional<Lease>> find(String name);
}
