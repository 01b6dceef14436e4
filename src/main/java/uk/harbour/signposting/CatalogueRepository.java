package uk.harbour.signposting;

import io.vertx.core.Future;
import java.util.List;

/** The catalogue's store; {@code _id} is the entry id. The truth, read once at start and after edits. */
public interface CatalogueRepository {

  Future<List<CatalogueEntry>> all();

  /** Fails with 409 {@code entry_exists} when the id is taken. */
  Future<CatalogueEntry> insert(CatalogueEntry entry);

  /**
   * Replaces the stored entry only if it is still at {@code expectedVersion}; otherwise fails with
   * 409 {@code version_conflict} so nobody overwrites a change they have not seen.
   */
  Future<CatalogueEntry> replace(CatalogueEntry entry, int expectedVersion);
}
