package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccount;
import uk.harbour.identity.StaffRepository;
import uk.harbour.web.HarbourException;

/** Staff accounts in the {@code staff} collection, {@code _id} = username. */
public final class MongoStaffRepository implements StaffRepository {

  static final String COLLECTION = "staff";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoStaffRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  @Override
  public Future<StaffAccount> insert(StaffAccount account) {
    return mongo
        .insert(COLLECTION, toDocument(account))
        .recover(
            e ->
                Future.failedFuture(
                    MongoErrors.isDuplicateKey(e) ? HarbourException.conflict("username_taken", "That username is already in use.") : e))
        .compose(id -> durability.afterWrite())
        .map(account);
  }

  @Override
  public Future<Optional<StaffAccount>> find(String username) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", username), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoStaffRepository::fromDocument));
  }

  @Override
  public Future<StaffAccount> update(StaffAccount account) {
    return mongo
        .findOneAndReplace(COLLECTION, new JsonObject().put("_id", account.username()), toDocument(account))
        .compose(
            previous ->
                previous == null ? Future.failedFuture(HarbourException.notFound("No such staff account.")) : durability.afterWrite())
        .map(account);
  }

  @Override
  public Future<List<StaffAccount>> all() {
    return mongo.find(COLLECTION, new JsonObject()).map(docs -> docs.stream().map(MongoStaffRepository::fromDocument).toList());
  }

  private static JsonObject toDocument(StaffAccount account) {
    JsonObject doc =
        new JsonObject()
            .put("_id", account.username())
            .put("displayName", account.displayName())
            .put("role", account.role().name())
            .put("team", account.team())
            .put("active", account.active())
            .put("passwordHash", account.passwordHash())
            .put("createdAt", Documents.date(account.createdAt()))
            .put("sessionsValidAfter", Documents.date(account.sessionsValidAfter()));
    account.totpSecret().ifPresent(secret -> doc.put("totpSecret", secret));
    return doc;
  }

  private static StaffAccount fromDocument(JsonObject doc) {
    return new StaffAccount(
        doc.getString("_id"),
        doc.getString("displayName"),
        Role.valueOf(doc.getString("role")),
        doc.getString("team"),
        doc.getBoolean("active", false),
        doc.getString("passwordHash"),
        Optional.ofNullable(doc.getString("totpSecret")),
        Documents.instant(doc, "createdAt"),
        Documents.instant(doc, "sessionsValidAfter"));
  }
}
