package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationRepository;

/** Conversation snapshots in {@code conversations}, {@code _id} = care leaver id; instants as dates. */
public final class MongoConversationRepository implements ConversationRepository {

  static final String COLLECTION = "conversations";
  private static final Set<String> INSTANTS =
      Set.of("waitingSince", "lastMessageAt", "lastCareLeaverMessageAt", "lastStaffMessageAt", "episodeStartedAt", "firstResponseAt",
          "assignedAt", "escalatedAt", "paHandoverAt");

  private final MongoClient mongo;

  public MongoConversationRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Optional<Conversation>> find(String id) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoConversationRepository::fromDocument));
  }

  @Override
  public Future<Void> save(Conversation conversation) {
    JsonObject doc = conversation.snapshot();
    doc.remove("id");
    for (String field : INSTANTS) {
      String value = doc.getString(field);
      doc.put(field, value == null ? null : Documents.date(Instant.parse(value)));
    }
    return mongo
        .replaceDocumentsWithOptions(COLLECTION, new JsonObject().put("_id", conversation.id()), doc, new UpdateOptions().setUpsert(true))
        .mapEmpty();
  }

  @Override
  public Future<List<Conversation>> all() {
    return mongo.find(COLLECTION, new JsonObject()).map(docs -> docs.stream().map(MongoConversationRepository::fromDocument).toList());
  }

  private static Conversation fromDocument(JsonObject doc) {
    JsonObject snapshot = doc.copy().put("id", doc.getString("_id"));
    for (String field : INSTANTS) {
      Instant instant = Documents.instant(doc, field);
      snapshot.put(field, instant == null ? null : instant.toString());
    }
    return Conversation.fromSnapshot(snapshot);
  }
}
