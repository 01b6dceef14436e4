package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.chat.ConversationRepository;
import uk.harbour.chat.ConversationState;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.ConversationSummary;

/**
 * Conversation snapshots in {@code conversations}, {@code _id} = care leaver id, instants as BSON
 * dates. Every field is read with the default an older snapshot without it needs.
 */
public final class MongoConversationRepository implements ConversationRepository {

  static final String COLLECTION = "conversations";

  private final MongoClient mongo;

  public MongoConversationRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Optional<ConversationState>> find(String id) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoConversationRepository::fromDocument));
  }

  @Override
  public Future<List<ConversationState>> find(List<String> ids) {
    // In chunks, each answered by look-ups on the _id index and small enough for one reply.
    List<Future<List<JsonObject>>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += AllDocuments.BATCH) {
      JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + AllDocuments.BATCH))))));
      chunks.add(mongo.find(COLLECTION, query));
    }
    return Future.all(chunks).map(all -> {
      List<ConversationState> found = new ArrayList<>();
      chunks.forEach(chunk -> chunk.result().forEach(doc -> found.add(fromDocument(doc))));
      return found;
    });
  }

  @Override
  public Future<Void> save(ConversationState conversation) {
    return mongo
        .replaceDocumentsWithOptions(
            COLLECTION, new JsonObject().put("_id", conversation.id()), toDocument(conversation), new UpdateOptions().setUpsert(true))
        .mapEmpty();
  }

  @Override
  public Future<List<ConversationState>> all() {
    return AllDocuments.of(mongo, COLLECTION, MongoConversationRepository::fromDocument);
  }

  @Override
  public Future<List<ConversationSummary>> summaries() {
    JsonObject fields = new JsonObject().put("_id", 1).put("team", 1).put("paUsername", 1).put("lastSeq", 1);
    return AllDocuments.projected(mongo, COLLECTION, fields,
        doc -> new ConversationSummary(doc.getString("_id"), doc.getString("team"), doc.getString("paUsername"), doc.getLong("lastSeq", 0L)));
  }

  static JsonObject toDocument(ConversationState c) {
    ConversationState.Routing r = c.routing();
    return new JsonObject()
        .put("careLeaverName", c.careLeaverName())
        .put("paUsername", c.paUsername())
        .put("team", c.team())
        .put("status", c.status().name().toLowerCase())
        .put("priority", c.priority())
        .put("assignedTo", c.assignedTo())
        .put("episode", c.episode())
        .put("lastSeq", c.lastSeq())
        .put("waitingSince", date(c.waitingSince()))
        .put("lastMessageAt", date(c.lastMessageAt()))
        .put("lastCareLeaverMessageAt", date(c.lastCareLeaverMessageAt()))
        .put("lastStaffMessageAt", date(c.lastStaffMessageAt()))
        .put("episodeStartedAt", date(c.episodeStartedAt()))
        .put("firstResponseAt", date(c.firstResponseAt()))
        .put("unreadForStaff", c.unreadForStaff())
        .put("staffReadSeq", c.staffReadSeq())
        .put("careLeaverReadSeq", c.careLeaverReadSeq())
        .put("lastCareLeaverSeq", c.lastCareLeaverSeq())
        .put("responses", c.responses())
        .put("totalResponseMillis", c.totalResponseMillis())
        .put("maxResponseMillis", c.maxResponseMillis())
        .put("assignedAt", date(r.assignedAt()))
        .put("escalationLevel", r.escalationLevel())
        .put("escalatedAt", date(r.escalatedAt()))
        .put("escalatedTo", new JsonArray(new ArrayList<>(r.escalatedTo())))
        .put("alertedThisEpisode", new JsonArray(new ArrayList<>(r.alertedThisEpisode())))
        .put("acknowledgedBy", r.acknowledgedBy())
        .put("acknowledgedAt", date(r.acknowledgedAt()))
        .put("autoRepliedEpisode", r.autoRepliedEpisode())
        .put("lastNote", r.lastNote())
        .put("lastNoteBy", r.lastNoteBy())
        .put("paHandoverAt", date(r.paHandoverAt()))
        .put("paHandoverPending", r.paHandoverPending())
        .put("paHandoverToManagers", r.paHandoverToManagers())
        .put("heldForNextEpisode", r.heldForNextEpisode())
        .put("riskCategories", new JsonArray(new ArrayList<>(c.risk().categories())))
        .put("riskSeverity", c.risk().severity())
        .put("riskSince", date(c.risk().since()))
        .put("riskFlaggedBy", c.risk().flaggedBy())
        .put("safetyRepliedEpisode", c.risk().repliedEpisode())
        .put("preview", c.preview());
  }

  static ConversationState fromDocument(JsonObject doc) {
    ConversationState.Routing routing =
        new ConversationState.Routing(
            Documents.instant(doc, "assignedAt"),
            doc.getInteger("escalationLevel", 0),
            Documents.instant(doc, "escalatedAt"),
            doc.getJsonArray("escalatedTo", new JsonArray()).stream().map(String::valueOf).toList(),
            // Snapshots from before it was kept: those the current wait's alerts went to.
            doc.getJsonArray("alertedThisEpisode", doc.getJsonArray("escalatedTo", new JsonArray())).stream().map(String::valueOf).toList(),
            doc.getString("acknowledgedBy"),
            Documents.instant(doc, "acknowledgedAt"),
            doc.getInteger("autoRepliedEpisode", 0),
            doc.getString("lastNote"),
            doc.getString("lastNoteBy"),
            Documents.instant(doc, "paHandoverAt"),
            doc.getBoolean("paHandoverPending", false),
            doc.getBoolean("paHandoverToManagers", false),
            doc.getBoolean("heldForNextEpisode", false));
    return new ConversationState(
        doc.getString("_id"),
        doc.getString("careLeaverName"),
        doc.getString("paUsername"),
        doc.getString("team"),
        ConversationStatus.valueOf(doc.getString("status", "resolved").toUpperCase()),
        doc.getString("priority", "normal"),
        doc.getString("assignedTo"),
        doc.getInteger("episode", 0),
        doc.getLong("lastSeq", 0L),
        Documents.instant(doc, "waitingSince"),
        Documents.instant(doc, "lastMessageAt"),
        Documents.instant(doc, "lastCareLeaverMessageAt"),
        Documents.instant(doc, "lastStaffMessageAt"),
        Documents.instant(doc, "episodeStartedAt"),
        Documents.instant(doc, "firstResponseAt"),
        doc.getLong("unreadForStaff", 0L),
        doc.getLong("staffReadSeq", 0L),
        doc.getLong("careLeaverReadSeq", 0L),
        // Snapshots from before it have none: nothing counts as unseen until the next message.
        doc.getLong("lastCareLeaverSeq", 0L),
        doc.getLong("responses", 0L),
        doc.getLong("totalResponseMillis", 0L),
        doc.getLong("maxResponseMillis", 0L),
        routing,
        // Snapshots from before safeguarding have no risk fields: not flagged.
        new ConversationState.Risk(
            doc.getJsonArray("riskCategories", new JsonArray()).stream().map(String::valueOf).toList(),
            doc.getString("riskSeverity"),
            Documents.instant(doc, "riskSince"),
            doc.getString("riskFlaggedBy"),
            doc.getInteger("safetyRepliedEpisode", 0)),
        // Snapshots from before the queue's preview have none until the next text message.
        doc.getString("preview"));
  }

  private static JsonObject date(Instant instant) {
    return instant == null ? null : Documents.date(instant);
  }
}
