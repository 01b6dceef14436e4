package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import uk.harbour.signposting.CatalogueEntry;
import uk.harbour.signposting.CatalogueJson;
import uk.harbour.signposting.CatalogueRepository;
import uk.harbour.web.HarbourException;

/**
 * The signposting catalogue in {@code catalogue}: {@code _id} = entry id, the entry's JSON under
 * {@code entry}, and book-keeping (version, edited, updatedAt, updatedBy) beside it. Read whole at
 * start and after an edit (a few hundred entries at most); replaced only at the version the editor saw.
 */
public final class MongoCatalogueRepository implements CatalogueRepository {

  static final String COLLECTION = "catalogue";

  private final MongoClient mongo;
  private final Durability durability;
  private final ZoneId zone;

  public MongoCatalogueRepository(MongoClient mongo, Durability durability, ZoneId zone) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
    this.zone = Objects.requireNonNull(zone);
  }

  /** Every look-up is by {@code _id}, which needs no index of ours; the collection is made up front. */
  public Future<Void> createIndexes() {
    return mongo.getCollections().compose(names -> names.contains(COLLECTION) ? Future.succeededFuture() : mongo.createCollection(COLLECTION));
  }

  @Override
  public Future<List<CatalogueEntry>> all() {
    return mongo.find(COLLECTION, new JsonObject()).map(docs -> docs.stream().map(this::fromDocument).toList());
  }

  @Override
  public Future<CatalogueEntry> insert(CatalogueEntry entry) {
    return mongo
        .insert(COLLECTION, toDocument(entry))
        .recover(
            e ->
                Future.failedFuture(
                    MongoErrors.isDuplicateKey(e) ? HarbourException.conflict("entry_exists", "An entry with that id already exists.") : e))
        .compose(id -> durability.afterWrite())
        .map(entry);
  }

  @Override
  public Future<CatalogueEntry> replace(CatalogueEntry entry, int expectedVersion) {
    JsonObject query = new JsonObject().put("_id", entry.id()).put("version", expectedVersion);
    return mongo
        .findOneAndReplace(COLLECTION, query, toDocument(entry))
        .compose(
            previous ->
                previous == null
                    ? Future.failedFuture(
                        HarbourException.conflict("version_conflict", "Someone else changed this entry. Reload it and make your change again."))
                    : durability.afterWrite())
        .map(entry);
  }

  private static JsonObject toDocument(CatalogueEntry e) {
    CatalogueEntry.Meta meta = e.meta();
    JsonObject doc =
        new JsonObject()
            .put("_id", e.id())
            .put("version", meta.version())
            .put("edited", meta.edited())
            .put("updatedBy", meta.updatedBy())
            .put("entry", CatalogueJson.toJson(e, false));
    if (meta.updatedAt() != null) {
      doc.put("updatedAt", Documents.date(meta.updatedAt()));
    }
    return doc;
  }

  private CatalogueEntry fromDocument(JsonObject doc) {
    return CatalogueJson.parse(doc.getJsonObject("entry"), zone)
        .withMeta(
            new CatalogueEntry.Meta(
                doc.getInteger("version", 1), doc.getBoolean("edited", false), Documents.instant(doc, "updatedAt"), doc.getString("updatedBy")));
  }
}
