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
  public Future<List<SavedCard>> find(String careLeaverId) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", careLeaverId), null)
        .map(
            doc -> {
              List<SavedCard> cards = new ArrayList<>();
              if (doc != null) {
                for (Object item : doc.getJsonArray("cards", new JsonArray())) {
                  JsonObject card = (JsonObject) item;
                  cards.add(new SavedCard(card.getString("entryId"), card.getInteger("version"), card.getJsonObject("entry"), Documents.instant(card, "savedAt")));
                }
              }
              return cards;
            });
  }

  @Override
  public Future<Void> save(String careLeaverId, List<SavedCard> cards) {
    JsonArray array = new JsonArray();
    cards.forEach(
        c -> array.add(new JsonObject().put("entryId", c.entryId()).put("version", c.version()).put("entry", c.entry()).put("savedAt", Documents.date(c.savedAt()))));
    return mongo
        .replaceDocumentsWithOptions(
            COLLECTION, new JsonObject().put("_id", careLeaverId), new JsonObject().put("_id", careLeaverId).put("cards", array), new UpdateOptions().setUpsert(true))
        .compose(r -> durability.afterWrite());
  }
}
