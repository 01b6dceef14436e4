package uk.harbour.signposting;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import uk.harbour.signposting.SavedHelpRepository.SavedCard;
import uk.harbour.web.HarbourException;

/**
 * A care leaver's "My saved help": the entry id and a snapshot of the version they saved, so a
 * later edit never changes what they kept (the page says when there is a newer version).
 */
public final class SavedHelp {

  static final int MAX_SAVED = 50;
  /** Each retry follows a save that got in first; more than a few in a row is not one person's taps. */
  private static final int MAX_ATTEMPTS = 10;

  private final SavedHelpRepository repository;
  private final Signposting signposting;
  private final Clock clock;

  public SavedHelp(SavedHelpRepository repository, Signposting signposting, Clock clock) {
    this.repository = Objects.requireNonNull(repository);
    this.signposting = Objects.requireNonNull(signposting);
    this.clock = Objects.requireNonNull(clock);
  }

  public Future<List<SavedCard>> list(String careLeaverId) {
    return repository.find(careLeaverId).map(SavedHelpRepository.Saved::cards);
  }

  /** Saves the entry's current version; saving it again refreshes the snapshot. */
  public Future<SavedCard> save(String careLeaverId, String entryId) {
    if (signposting.entry(entryId).isEmpty()) {
      return Future.failedFuture(HarbourException.notFound("No such catalogue entry."));
    }
    CatalogueEntry entry = signposting.entry(entryId).get();
    SavedCard card = new SavedCard(entry.id(), entry.version(), CatalogueJson.toJson(entry, true), clock.instant());
    return change(
            careLeaverId,
            existing -> {
              List<SavedCard> next = new ArrayList<>(existing.stream().filter(c -> !c.entryId().equals(entryId)).toList());
              if (next.size() >= MAX_SAVED) {
                throw HarbourException.conflict("too_many_saved", "You have saved " + MAX_SAVED + " cards. Remove one first.");
              }
              next.add(0, card);
              return next;
            },
            1)
        .map(card);
  }

  public Future<Void> remove(String careLeaverId, String entryId) {
    return change(careLeaverId, existing -> existing.stream().filter(c -> !c.entryId().equals(entryId)).toList(), 1);
  }

  /** Reads, edits and writes the list, again from the read if another save got in between. */
  private Future<Void> change(String careLeaverId, UnaryOperator<List<SavedCard>> edit, int attempt) {
    return repository
        .find(careLeaverId)
        .compose(saved -> repository.replace(careLeaverId, saved.version(), edit.apply(saved.cards())))
        .compose(
            written -> {
              if (written) {
                return Future.succeededFuture();
              }
              return attempt < MAX_ATTEMPTS
                  ? change(careLeaverId, edit, attempt + 1)
                  : Future.failedFuture(HarbourException.conflict("busy", "Your saved help changed at the same moment. Please try again."));
            });
  }

  /** The saved snapshot as a catalogue entry, for rendering with the card template. */
  public CatalogueEntry snapshot(SavedCard card) {
    return CatalogueJson.parse(stripMeta(card.entry()), signposting.clock().getZone())
        .withMeta(new CatalogueEntry.Meta(card.version(), false, null, null));
  }

  private static io.vertx.core.json.JsonObject stripMeta(io.vertx.core.json.JsonObject json) {
    json.remove("version");
    json.remove("edited");
    json.remove("updatedAt");
    json.remove("updatedBy");
    return json;
  }
}
