package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.rota.Rota;
import uk.harbour.rota.RotaJson;
import uk.harbour.rota.RotaRepository;
import uk.harbour.web.HarbourException;

/**
 * The rota in the {@code rota} collection: one document, {@code _id: "current"}, holding the rota's
 * JSON shape (docs/rota.md) plus {@code version}, {@code updatedAt} and {@code updatedBy}. Every
 * read and write names the {@code _id}; a save also names the version it expects, so a stale save
 * matches nothing (or hits the duplicate {@code _id} on first insert) and becomes a 409.
 */
public final class MongoRotaRepository implements RotaRepository {

  static final String COLLECTION = "rota";
  static final String ID = "current";
  private static final String VERSION = "version";
  private static final String UPDATED_AT = "updatedAt";
  private static final String UPDATED_BY = "updatedBy";

  private final MongoClient mongo;
  private final Durability durability;
  private final int defaultCapacity;

  /** @param defaultCapacity used if a stored document lacks {@code defaultCapacity} */
  public MongoRotaRepository(MongoClient mongo, Durability durability, int defaultCapacity) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
    this.defaultCapacity = defaultCapacity;
  }

  @Override
  public Future<Optional<StoredRota>> load() {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", ID), null)
        .map(doc -> Optional.ofNullable(doc).map(this::fromDocument));
  }

  @Override
  public Future<StoredRota> save(Rota rota, long expectedVersion, Instant at, String by) {
    StoredRota stored = new StoredRota(rota, expectedVersion + 1, at, by);
    JsonObject doc = toDocument(stored);
    Future<?> write =
        expectedVersion == 0
            ? mongo.insert(COLLECTION, doc).recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e) ? stale() : e))
            : mongo
                .findOneAndReplace(COLLECTION, new JsonObject().put("_id", ID).put(VERSION, expectedVersion), doc)
                .compose(previous -> previous == null ? Future.failedFuture(stale()) : Future.succeededFuture());
    return write.compose(v -> durability.afterWrite()).map(stored);
  }

  private static HarbourException stale() {
    return HarbourException.conflict(
        "conflict", "Someone else changed the rota since you loaded it. Load it again and redo your change.");
  }

  private static JsonObject toDocument(StoredRota stored) {
    return RotaJson.toJson(stored.rota())
        .put("_id", ID)
        .put(VERSION, stored.version())
        .put(UPDATED_AT, Documents.date(stored.updatedAt()))
        .put(UPDATED_BY, stored.updatedBy());
  }

  private StoredRota fromDocument(JsonObject doc) {
    long version = doc.getLong(VERSION);
    Instant updatedAt = Documents.instant(doc, UPDATED_AT);
    String updatedBy = doc.getString(UPDATED_BY, "system");
    JsonObject rota = doc.copy();
    rota.remove("_id");
    rota.remove(VERSION);
    rota.remove(UPDATED_AT);
    rota.remove(UPDATED_BY);
    return new StoredRota(RotaJson.rotaFromJson(rota, defaultCapacity), version, updatedAt, updatedBy);
  }
}
