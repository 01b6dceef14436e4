package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.harbour.chat.ClientIds;
import uk.harbour.chat.ConversationEventJson;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.chat.MessageRepository;
import uk.harbour.identity.Role;

/**
 * Messages in {@code messages}. {@code _id} = conversation and seq, so history and resume are
 * {@code $in} look-ups the embedded store answers from its index; the unique index on
 * (conversationId, senderId, clientId) stores a resent message once, also on real MongoDB.
 * Inserts are batched ({@link InsertBatcher}); a refused document fails only its own sender. A write
 * is durable once {@link Durability} says so after it: one group commit covers every write that
 * finished before it started, so a burst of messages waits for one commit, not one each.
 */
public final class MongoMessageRepository implements MessageRepository {

  static final String COLLECTION = "messages";
  private static final Comparator<Message> BY_SEQ = Comparator.comparingLong(Message::seq);
  private static final String CLIENT_INDEX = "client_id_unique";

  /** Large enough to carry a busy moment in one write, small enough to keep one write short. */
  static final int MAX_BATCH = 256;
  /** When nothing is held for a commit: one batch at the store and one on its way (the store applies inserts to a collection one at a time). */
  static final int MAX_IN_FLIGHT = 2;

  /** About 30 MB of chat text: the recent end of every busy conversation. */
  static final int CACHED_MESSAGES = 30_000;
  /** A conversation's last 256 messages: what opening it and resuming it ask for. */
  static final int CACHED_SEQS = 256;

  private final MongoClient mongo;
  private final InsertBatcher inserts;
  /** Ids asked about in one query by {@link #existing} and {@link #find}: the unique {@code _id} index answers an {@code $in} by look-ups. */
  private static final int IDS_PER_QUERY = 1000;
  private final MessageCache cache = new MessageCache(CACHED_MESSAGES, CACHED_SEQS);

  public MongoMessageRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.inserts = new InsertBatcher(mongo, COLLECTION, durability, MAX_BATCH, MAX_IN_FLIGHT);
  }

  long insertWrites() {
    return inserts.writes();
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(
        COLLECTION,
        new JsonObject().put("conversationId", 1).put("senderId", 1).put("clientId", 1),
        new IndexOptions().name(CLIENT_INDEX).unique(true));
  }

  @Override
  public Future<Void> write(Message message) {
    // Messages from many conversations share one insertMany; each conversation's chain has at
    // most one insert in flight, so batching never reorders a conversation.
    return inserts
        .insert(toDocument(message))
        .map(
            v -> {
              cache.put(message);
              return (Void) null;
            })
        .recover(
            e -> {
              if (!MongoErrors.isDuplicateKey(e)) {
                return Future.failedFuture(e);
              }
              // Which key clashed decides what the caller does: ask the store rather than read error text.
              return findByClientId(message.conversationId(), message.senderId(), String.valueOf(message.clientId()))
                  .compose(
                      existing ->
                          Future.failedFuture(
                              new DuplicateMessageException(existing.isPresent() ? Duplicate.CLIENT_ID : Duplicate.SEQ)));
            });
  }

  @Override
  public Future<List<Message>> find(String conversationId, List<Long> seqs) {
    return find(Map.of(conversationId, seqs)).map(found -> found.get(conversationId));
  }

  @Override
  public Future<Map<String, List<Message>>> find(Map<String, List<Long>> seqsByConversation) {
    Map<String, List<Message>> found = new HashMap<>();
    List<Object> missing = new ArrayList<>();
    seqsByConversation.forEach((conversationId, seqs) -> {
      List<Message> messages = new ArrayList<>(seqs.size());
      found.put(conversationId, messages);
      for (long seq : seqs) {
        String id = Message.id(conversationId, seq);
        Message cached = cache.get(id);
        if (cached != null) {
          messages.add(cached);
        } else {
          missing.add(id);
        }
      }
    });
    List<Future<List<JsonObject>>> chunks = new ArrayList<>();
    for (int from = 0; from < missing.size(); from += IDS_PER_QUERY) {
      JsonArray chunk = new JsonArray(missing.subList(from, Math.min(missing.size(), from + IDS_PER_QUERY)));
      chunks.add(mongo.find(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", chunk))));
    }
    return Future.all(chunks).map(all -> {
      for (Future<List<JsonObject>> chunk : chunks) {
        for (JsonObject doc : chunk.result()) {
          Message message = fromDocument(doc);
          cache.put(message);
          found.get(message.conversationId()).add(message);
        }
      }
      found.values().forEach(messages -> messages.sort(BY_SEQ));
      return found;
    });
  }

  @Override
  public Future<Set<String>> existing(List<String> ids) {
    List<Future<List<JsonObject>>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      JsonArray chunk = new JsonArray(new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
      chunks.add(mongo.findWithOptions(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", chunk)),
          new FindOptions().setFields(new JsonObject().put("_id", 1))));
    }
    return Future.all(chunks).map(all -> {
      Set<String> found = new HashSet<>();
      chunks.forEach(chunk -> chunk.result().forEach(doc -> found.add(doc.getString("_id"))));
      return found;
    });
  }

  @Override
  public Future<Void> durable() {
    return inserts.durable();
  }

  @Override
  public Optional<Message> recentByClientId(String conversationId, String senderId, String clientId) {
    return Optional.ofNullable(cache.byClientId(conversationId, senderId, clientId));
  }

  @Override
  public Future<Optional<Message>> findByClientId(String conversationId, String senderId, String clientId) {
    JsonObject query = new JsonObject().put("conversationId", conversationId).put("senderId", senderId).put("clientId", clientId);
    return mongo.findOne(COLLECTION, query, null).map(doc -> Optional.ofNullable(doc).map(MongoMessageRepository::fromDocument));
  }

  static JsonObject toDocument(Message m) {
    JsonObject doc =
        new JsonObject()
            .put("_id", m.id())
            .put("conversationId", m.conversationId())
            .put("seq", m.seq())
            .put("episode", m.episode())
            .put("kind", m.kind().name())
            .put("text", m.text())
            .put("senderId", m.senderId())
            .put("senderRole", m.senderRole() == null ? null : m.senderRole().name())
            .put("senderName", m.senderName())
            // System messages have no client id; give them a unique one so the unique index holds.
            .put("clientId", m.clientId() == null ? ClientIds.SYSTEM_PREFIX + m.seq() : m.clientId())
            .put("createdAt", Documents.date(m.createdAt()));
    if (m.card() != null) {
      doc.put("card", m.card());
    }
    if (m.event() != null) {
      doc.put("event", ConversationEventJson.toJson(m.event()));
    }
    return doc;
  }

  static Message fromDocument(JsonObject doc) {
    String role = doc.getString("senderRole");
    String clientId = doc.getString("clientId");
    JsonObject event = doc.getJsonObject("event");
    return new Message(
        doc.getString("conversationId"),
        doc.getLong("seq"),
        doc.getInteger("episode", 1),
        MessageKind.valueOf(doc.getString("kind")),
        doc.getString("text"),
        doc.getString("senderId"),
        role == null ? null : Role.valueOf(role),
        doc.getString("senderName"),
        clientId != null && clientId.startsWith("system-") ? null : clientId,
        Documents.instant(doc, "createdAt"),
        doc.getJsonObject("card"),
        event == null ? null : ConversationEventJson.fromJson(event));
  }
}
