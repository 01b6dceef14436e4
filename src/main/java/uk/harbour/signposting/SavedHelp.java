package uk.harbour.signposting;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.harbour.signposting.SavedHelpRepository.SavedCard;
import uk.harbour.web.HarbourException;

/**
 * A care leaver's "My saved help": the entry id and a snapshot of the version they saved, so a
 * later edit never changes what they kept (the page says when there is a newer version).
 */
public final class SavedHelp {

  static final int MAX_SAVED = 50;

  private final SavedHelpRepository repository;
  private final Signposting signposting;
  private final Clock clock;

  public SavedHelp(SavedHelpRepository repository, Signposting signposting, Clock clock) {
    this.repository = Objects.requireNonNull(repository);
    this.signposting = Objects.requireNonNull(signposting);
    this.clock = Objects.requireNonNull(clock);
  }

  public Future<List<SavedCard>> list(String careLeaverId) {
    return repository.find(careLeaverId);
  }

  /** Saves the entry's current version; saving it again refreshes the snapshot. */
  public Future<SavedCard> save(String careLeaverId, String entryId) {
    if (signposting.entry(entryId).isEmpty()) {
      return Future.failedFuture(HarbourException.notFound("No such catalogue entry."));
    }
    CatalogueEntry entry = signposting.entry(entryId).get();
    SavedCard card = new SavedCard(entry.id(), entry.version(), CatalogueJson.toJson(entry, true), clock.instant());
    return repository
        .find(careLeaverId)
        .compose(
            existing -> {
              List<SavedCard> next = new ArrayList<>(existing.stream().filter(c -> !c.entryId().equals(entryId)).toList());
              if (next.size() >= MAX_SAVED) {
                return Future.failedFuture(HarbourException.conflict("too_many_saved", "You have saved " + MAX_SAVED + " cards. Remove one first."));
              }
              next.add(0, card);
              return repository.save(careLeaverId, next).map(card);
            });
  }

  public Future<Void> remove(String careLeaverId, String entryId) {
    return repository
        .find(careLeaverId)
        .compose(existing -> repository.save(careLeaverId, existing.stream().filter(c -> !c.entryId().equals(entryId)).toList()));
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
