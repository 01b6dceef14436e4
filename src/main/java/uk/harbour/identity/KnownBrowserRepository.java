package uk.harbour.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Browsers an account has signed in from, for sign-in throttling only (they sign nobody in). Kept
 * by the hash of the browser's token and the account, so a copy of the store holds no usable token.
 */
public interface KnownBrowserRepository {

  /** {@code account} is the throttle's account key, e.g. {@code staff:sam}. */
  record KnownBrowser(String tokenHash, String account, Instant createdAt, Instant expiresAt) {}

  Future<Void> insert(KnownBrowser browser);

  Future<Optional<KnownBrowser>> find(String tokenHash, String account);

  Future<Void> delete(String tokenHash, String account);
}
