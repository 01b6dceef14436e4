package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.harbour.signposting.SavedHelpRepository;

/** "My saved help" in {@code saved_help}: one document per care leaver, {@code _id} = their id. */
public final class MongoSavedHelpRepository implements SavedHelpRepository {

  static final String COLLECTION = "saved_help";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoSavedHelpRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  /** Look-ups are by {@code _id} only; the collection is made up front. */
  public Future<Void> createIndexes() {
    return mongo.getCollections().compose(names -> names.contains(COLLECTION) ? Future.succeededFuture() : mongo.createCollection(COLLECTION));
  }

  @Override
  public Future<Saved> find(String careLeaverId) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", careLeaverId), null)
        .map(
            doc -> {
              List<SavedCard> cards = new ArrayList<>();
              if (doc == null) {
                return new Saved(cards, 0);
              }
              for (Object item : doc.getJsonArray("cards", new JsonArray())) {
                JsonObject card = (JsonObject) item;
                cards.add(new SavedCard(card.getString("entryId"), card.getInteger("version"), card.getJsonObject("entry"), Documents.instant(card, "savedAt")));
              }
              // Lists saved before versions were kept read as version 0, like no list at all.
              return new Saved(cards, doc.getLong("version", 0L));
            });
  }

  @Override
  public Future<Boolean> replace(String careLeaverId, long version, List<SavedCard> cards) {
    JsonArray array = new JsonArray();
    cards.forEach(
        c -> array.add(new JsonObject().put("entryId", c.entryId()).put("version", c.version()).put("entry", c.entry()).put("savedAt", Documents.date(c.savedAt()))));
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("cards", array).put("version", version + 1));
    // Version 0 matches a list without a version or, by upsert, no list; a list someone else
    // created meanwhile has a version, so the upsert clashes on _id instead of overwriting it.
    JsonObject filter =
        new JsonObject().put("_id", careLeaverId).put("version", version == 0 ? new JsonObject().put("$exists", false) : version);
    return mongo
        .updateCollectionWithOptions(COLLECTION, filter, update, new UpdateOptions().setUpsert(version == 0))
        .map(r -> r.getDocMatched() == 1 || r.getDocUpsertedId() != null)
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e))
        .compose(written -> written ? durability.afterWrite().map(true) : Future.succeededFuture(false));
  }
}
