package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.reports.ConversationFold;
import uk.harbour.reports.ReportProgressRepository;

/**
 * Reports' watermark per conversation in {@code report_progress}: {@code _id} the conversation id,
 * {@code team}, {@code seq} (the last seq folded), {@code priority}, {@code episodeNumber} and
 * {@code episode} (the latest episode's packed record, null before the young person writes in it).
 * One document with the reserved id {@code #complete} (never a conversation's id) holds {@code at},
 * a BSON date: when the reports were last known complete. It goes with the watermarks: a collection
 * emptied or dropped makes the next start fold every conversation.
 */
public final class MongoReportProgressRepository implements ReportProgressRepository {

  static final String COLLECTION = "report_progress";
  private static final String COMPLETE = "#complete";

  private final MongoClient mongo;

  public MongoReportProgressRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Void> save(Collection<ConversationFold.Progress> progress) {
    if (progress.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> replaces = new ArrayList<>(progress.size());
    for (ConversationFold.Progress p : progress) {
      JsonObject doc = new JsonObject()
          .put("_id", p.conversationId())
          .put("team", p.team())
          .put("seq", p.seq())
          .put("priority", p.priority())
          .put("episodeNumber", p.episodeNumber())
          .put("episode", p.episode());
      replaces.add(BulkOperation.createReplace(new JsonObject().put("_id", p.conversationId()), doc, true));
    }
    return mongo.bulkWriteWithOptions(COLLECTION, replaces, new BulkWriteOptions(false)).mapEmpty();
  }

  @Override
  public Future<Map<String, ConversationFold.Progress>> find(List<String> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(conversationIds))));
    return mongo.find(COLLECTION, query).map(docs -> {
      Map<String, ConversationFold.Progress> found = new HashMap<>();
      for (JsonObject doc : docs) {
        found.put(doc.getString("_id"), new ConversationFold.Progress(doc.getString("_id"), doc.getString("team", ""), doc.getLong("seq", 0L),
            doc.getString("priority", "normal"), doc.getInteger("episodeNumber", 0), doc.getString("episode")));
      }
      return found;
    });
  }

  @Override
  public Future<Optional<Instant>> completeAt() {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", COMPLETE), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> Documents.instant(d, "at")));
  }

  @Override
  public Future<Void> complete(Instant at) {
    return mongo.replaceDocumentsWithOptions(COLLECTION, new JsonObject().put("_id", COMPLETE), new JsonObject().put("at", Documents.date(at)),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
