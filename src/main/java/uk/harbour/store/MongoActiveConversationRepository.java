package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.chat.ActiveConversationRepository;

/**
 * Marks in {@code active_conversations}: {@code _id} the conversation id, {@code markedAt} a BSON
 * date. One document with the reserved id {@code #built} (never a care leaver's id) records that
 * the list was built, so an older store is told apart from one with nothing active.
 */
public final class MongoActiveConversationRepository implements ActiveConversationRepository {

  static final String COLLECTION = "active_conversations";
  private static final String BUILT = "#built";

  private final MongoClient mongo;

  public MongoActiveConversationRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Optional<List<Mark>>> all() {
    return AllDocuments.small(mongo, COLLECTION, doc -> doc)
        .map(docs -> {
          boolean built = docs.stream().anyMatch(doc -> BUILT.equals(doc.getString("_id")));
          return built
              ? Optional.of(docs.stream().filter(doc -> !BUILT.equals(doc.getString("_id")))
                  .map(doc -> new Mark(doc.getString("_id"), Documents.instant(doc, "markedAt"))).toList())
              : Optional.empty();
        });
  }

  @Override
  public Future<Void> mark(String id, Instant at) {
    return mongo.replaceDocumentsWithOptions(COLLECTION, new JsonObject().put("_id", id), document(at), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  @Override
  public Future<Void> build(List<String> ids, Instant at) {
    List<BulkOperation> marks = new ArrayList<>();
    for (String id : ids) {
      marks.add(BulkOperation.createReplace(new JsonObject().put("_id", id), document(at), true));
    }
    // The built record last: an interrupted build is done again at the next start.
    Future<?> written = marks.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(COLLECTION, marks);
    return written.compose(v -> mark(BUILT, at));
  }

  @Override
  public Future<Void> unmark(Mark mark) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", mark.id()).put("markedAt", Documents.date(mark.markedAt()))).mapEmpty();
  }

  private static JsonObject document(Instant at) {
    return new JsonObject().put("markedAt", Documents.date(at));
  }
}
