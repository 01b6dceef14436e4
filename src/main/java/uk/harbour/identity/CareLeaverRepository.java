package uk.harbour.identity;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Care leaver records; the sign-in name is unique once chosen. */
public interface CareLeaverRepository {

  Future<CareLeaver> insert(CareLeaver careLeaver);

  Future<Optional<CareLeaver>> find(String id);

  Future<Optional<CareLeaver>> findByLoginName(String loginName);

  /** Fails with a 409 {@code login_name_taken} when another young person has the sign-in name. */
  Future<CareLeaver> update(CareLeaver careLeaver);

  Future<List<CareLeaver>> all();

  /** Every care leaver's id, and nothing else: what start-up needs of each, read without the rest of the record. */
  default Future<List<String>> allIds() {
    return all().map(all -> all.stream().map(CareLeaver::id).toList());
  }
}
