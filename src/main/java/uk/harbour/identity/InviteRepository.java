package uk.harbour.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Invites, found by the hash of their link token or of their short code. */
public interface InviteRepository {

  Future<Void> insert(Invite invite);

  Future<Optional<Invite>> findByToken(String tokenHash);

  Future<Optional<Invite>> findByCode(String codeHash);

  /** Marks the invite used; false if it was already used (so it works exactly once). */
  Future<Boolean> markUsed(String tokenHash, Instant at);

  /** Voids every invite for this young person (a new one replaces them). */
  Future<Void> deleteAllFor(String careLeaverId);
}
