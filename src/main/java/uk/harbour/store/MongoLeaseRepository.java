package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.cluster.LeaseRepository;

/**
 * Leases in the {@code leases} collection: {@code _id} the lease's name, {@code holder} a node id,
 * {@code until} a BSON date. Holding is one conditional update (matched only when this node holds
 * it or it has lapsed), and the first hold is an insert that the unique {@code _id} lets only one
 * node win. Leases are short-lived: their writes do not wait for a commit of the embedded file.
 */
public final class MongoLeaseRepository implements LeaseRepository {

  static final String COLLECTION = "leases";

  private final MongoClient mongo;

  public MongoLeaseRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Boolean> hold(String name, String holder, Instant now, Instant until) {
    JsonObject mineOrLapsed = new JsonObject().put("_id", name).put("$or", new JsonArray()
        .add(new JsonObject().put("holder", holder))
        .add(new JsonObject().put("until", new JsonObject().put("$lte", Documents.date(now)))));
    return set(mineOrLapsed, holder, until).compose(matched -> matched
        ? Future.succeededFuture(true)
        : mongo.insert(COLLECTION, new JsonObject().put("_id", name).put("holder", holder).put("until", Documents.date(until)))
            .map(id -> true)
            .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e)));
  }

  @Override
  public Future<Boolean> takeFrom(String name, String gone, String holder, Instant until) {
    return set(new JsonObject().put("_id", name).put("holder", gone), holder, until);
  }

  @Override
  public Future<Void> release(String name, String holder) {
    return set(new JsonObject().put("_id", name).put("holder", holder), holder, Instant.EPOCH).mapEmpty();
  }

  @Override
  public Future<Optional<Lease>> find(String name) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", name), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> new Lease(name, d.getString("holder"), Documents.instant(d, "until"))));
  }

  private Future<Boolean> set(JsonObject filter, String holder, Instant until) {
    return mongo.updateCollection(COLLECTION, filter, new JsonObject().put("$set", new JsonObject().put("holder", holder).put("until", Documents.date(until))))
        .map(result -> result != null && result.getDocMatched() == 1);
  }
}
