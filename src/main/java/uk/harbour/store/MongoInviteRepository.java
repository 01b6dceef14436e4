package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.Invite;
import uk.harbour.identity.InviteRepository;

/** Invites in {@code invites}: {@code _id} = token hash, unique index on the code hash. */
public final class MongoInviteRepository implements InviteRepository {

  static final String COLLECTION = "invites";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoInviteRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("codeHash", 1), new IndexOptions().name("codeHash_unique").unique(true));
  }

  @Override
  public Future<Void> insert(Invite invite) {
    JsonObject doc =
        new JsonObject()
            .put("_id", invite.tokenHash())
            .put("careLeaverId", invite.careLeaverId())
            .put("codeHash", invite.codeHash())
            .put("createdBy", invite.createdBy())
            .put("createdAt", Documents.date(invite.createdAt()))
            .put("expiresAt", Documents.date(invite.expiresAt()))
            .put("used", invite.used());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<Optional<Invite>> findByToken(String tokenHash) {
    return findOne(new JsonObject().put("_id", tokenHash));
  }

  @Override
  public Future<Optional<Invite>> findByCode(String codeHash) {
    return findOne(new JsonObject().put("codeHash", codeHash));
  }

  @Override
  public Future<Boolean> markUsed(String tokenHash, Instant at) {
    return mongo
        .findOneAndUpdate(
            COLLECTION,
            new JsonObject().put("_id", tokenHash).put("used", false),
            new JsonObject().put("$set", new JsonObject().put("used", true).put("usedAt", Documents.date(at))))
        .compose(previous -> durability.afterWrite().map(previous != null));
  }

  @Override
  public Future<Void> deleteAllFor(String careLeaverId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("careLeaverId", careLeaverId)).compose(r -> durability.afterWrite());
  }

  private Future<Optional<Invite>> findOne(JsonObject query) {
    return mongo
        .findOne(COLLECTION, query, null)
        .map(
            doc ->
                Optional.ofNullable(doc)
                    .map(
                        d ->
                            new Invite(
                                d.getString("_id"),
                                d.getString("careLeaverId"),
                                d.getString("codeHash"),
                                d.getString("createdBy"),
                                Documents.instant(d, "createdAt"),
                                Documents.instant(d, "expiresAt"),
                                d.getBoolean("used", false))));
  }
}
