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

  /** A care leaver's saved cards and the version of that list (0 when nothing was saved yet). */
  record Saved(List<SavedCard> cards, long version) {
    public Saved {
      cards = List.copyOf(cards);
    }
  }

  Future<Saved> find(String careLeaverId);

  /**
   * Replaces the list if it is still at {@code version}; false when another save changed it first
   * (two taps at once, or two devices), so the caller reads again instead of losing that save.
   */
  Future<Boolean> replace(String careLeaverId, long version, List<SavedCard> cards);
}
