package uk.harbour.rota;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The council's one current rota, with a version for optimistic concurrency: every save names the
 * version it read, and a save based on a stale version is refused, so two managers editing at once
 * never overwrite each other's change unseen.
 */
public interface RotaRepository {

  /** A stored rota: {@code version} counts saves from 1; {@code updatedBy} is a staff id or "system". */
  record StoredRota(Rota rota, long version, Instant updatedAt, String updatedBy) {
    public StoredRota {
      Objects.requireNonNull(rota);
      Objects.requireNonNull(updatedAt);
      Objects.requireNonNull(updatedBy);
    }
  }

  /** The stored rota, or empty when none has ever been saved. */
  Future<Optional<StoredRota>> load();

  /**
   * Saves {@code rota} as version {@code expectedVersion + 1}. {@code expectedVersion} 0 means
   * "nothing stored yet". Fails with a 409 {@code conflict} when the stored version differs.
   */
  Future<StoredRota> save(Rota rota, long expectedVersion, Instant at, String by);
}
