package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.web.HarbourException;

/**
 * Care leavers in {@code care_leavers}. The sign-in name has a unique sparse index, which the
 * embedded store also uses for the exact-match look-up at sign-in.
 */
public final class MongoCareLeaverRepository implements CareLeaverRepository {

  static final String COLLECTION = "care_leavers";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoCareLeaverRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(
        COLLECTION, new JsonObject().put("loginName", 1), new IndexOptions().name("loginName_unique").unique(true).sparse(true));
  }

  @Override
  public Future<CareLeaver> insert(CareLeaver careLeaver) {
    return mongo.insert(COLLECTION, toDocument(careLeaver)).compose(id -> durability.afterWrite()).map(careLeaver);
  }

  @Override
  public Future<Optional<CareLeaver>> find(String id) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoCareLeaverRepository::fromDocument));
  }

  @Override
  public Future<Optional<CareLeaver>> findByLoginName(String loginName) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("loginName", loginName), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoCareLeaverRepository::fromDocument));
  }

  @Override
  public Future<CareLeaver> update(CareLeaver careLeaver) {
    return mongo
        .findOneAndReplace(COLLECTION, new JsonObject().put("_id", careLeaver.id()), toDocument(careLeaver))
        .recover(
            e ->
                Future.failedFuture(
                    MongoErrors.isDuplicateKey(e)
                        ? HarbourException.conflict("login_name_taken", "That sign-in name is taken. Please choose another.")
                        : e))
        .compose(
            previous ->
                previous == null ? Future.failedFuture(HarbourException.notFound("No such young person.")) : durability.afterWrite())
        .map(careLeaver);
  }

  @Override
  public Future<List<CareLeaver>> all() {
    return AllDocuments.of(mongo, COLLECTION).map(docs -> docs.stream().map(MongoCareLeaverRepository::fromDocument).toList());
  }

  @Override
  public Future<List<String>> allIds() {
    return AllDocuments.ids(mongo, COLLECTION);
  }

  private static JsonObject toDocument(CareLeaver c) {
    JsonObject doc =
        new JsonObject()
            .put("_id", c.id())
            .put("firstName", c.firstName())
            .put("dateOfBirth", c.dateOfBirth() == null ? null : c.dateOfBirth().toString())
            .put("paUsername", c.paUsername())
            .put("team", c.team())
            .put("active", c.active())
            .put("createdAt", Documents.date(c.createdAt()))
            .put("sessionsValidAfter", Documents.date(c.sessionsValidAfter()));
    // Absent rather than null, so the sparse unique index ignores young people without one yet.
    c.loginName().ifPresent(name -> doc.put("loginName", name));
    c.secretHash().ifPresent(hash -> doc.put("secretHash", hash));
    return doc;
  }

  private static CareLeaver fromDocument(JsonObject doc) {
    String dob = doc.getString("dateOfBirth");
    return new CareLeaver(
        doc.getString("_id"),
        doc.getString("firstName"),
        dob == null ? null : LocalDate.parse(dob),
        doc.getString("paUsername"),
        doc.getString("team"),
        doc.getBoolean("active", false),
        Optional.ofNullable(doc.getString("loginName")),
        Optional.ofNullable(doc.getString("secretHash")),
        Documents.instant(doc, "createdAt"),
        Documents.instant(doc, "sessionsValidAfter"));
  }
}
