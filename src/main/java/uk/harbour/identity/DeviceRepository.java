package uk.harbour.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Long-lived "stay signed in on this phone" tokens for care leavers, stored only as hashes so a
 * copy of the store cannot sign anyone in.
 */
public interface DeviceRepository {

  record Device(String tokenHash, String careLeaverId, Instant createdAt, Instant expiresAt) {}

  Future<Void> insert(Device device);

  Future<Optional<Device>> find(String tokenHash);

  Future<Void> delete(String tokenHash);

  Future<Void> deleteAllFor(String careLeaverId);
}
