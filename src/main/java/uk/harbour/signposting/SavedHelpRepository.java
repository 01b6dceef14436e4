package uk.harbour.signposting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Each care leaver's "My saved help": one record per young person, read and written by {@code _id}. */
public interface SavedHelpRepository {

  /** A saved card: the entry id, the version saved, and that version's content as it was. */
  record SavedCard(String entryId, int version, JsonObject entry, Instant savedAt) {
    public SavedCard {
      Objects.requireNonNull(entryId);
      entry = entry.copy();
      Objects.requireNonNull(savedAt);
    }

    @Override
    public JsonObject entry() {
      return entry.copy();
    }
  }

  Future<List<SavedCard>> find(String careLeaverId);

  Future<Void> save(String careLeaverId, List<SavedCard> cards);
}
