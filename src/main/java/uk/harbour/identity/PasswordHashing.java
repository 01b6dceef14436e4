package uk.harbour.identity;

import io.vertx.core.Future;
import java.util.Optional;

/** Password hashing off the event loop. Verifying against no hash costs the same as a real one. */
public interface PasswordHashing {

  Future<String> hash(String secret);

  /** False when {@code encoded} is empty, after doing the same work as a real check. */
  Future<Boolean> verify(String secret, Optional<String> encoded);
}
