package uk.harbour.identity;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Staff accounts, keyed by lower-case username. */
public interface StaffRepository {

  /** Fails with a 409 {@code username_taken} when the username exists. */
  Future<StaffAccount> insert(StaffAccount account);

  Future<Optional<StaffAccount>> find(String username);

  Future<StaffAccount> update(StaffAccount account);

  Future<List<StaffAccount>> all();
}
