package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import uk.harbour.audit.AuditLog;

/** Audit entries in MongoDB. Ids sort by time so the newest page is a reverse walk of {@code _id}. */
public final class MongoAuditLog implements AuditLog {

  static final String COLLECTION = "audit";
  private static final int MAX_PAGE = 500;

  private final MongoClient mongo;
  private final Durability durability;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  /** Tells this process's ids from another node's (or a restart's) written in the same millisecond. */
  private final String process = Long.toString(new java.security.SecureRandom().nextLong() >>> 1, 36);

  public MongoAuditLog(MongoClient mongo, Durability durability, Clock clock) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Future<AuditEvent> append(Actor actor, AuditAction action, String subjectId, JsonObject detail) {
    Instant at = clock.instant();
    // Zero-padded millis, a per-process counter and the process's tag: unique across nodes and
    // restarts, and ordered by time as text.
    String id = String.format("%015d-%06d-%s", at.toEpochMilli(), sequence.incrementAndGet() % 1_000_000, process);
    AuditEvent event = new AuditEvent(id, at, actor.id(), actor.role(), action.name(), subjectId, actor.address(), detail);
    JsonObject document =
        new JsonObject()
            .put("_id", id)
            .put("at", Documents.date(at))
            .put("actorId", actor.id())
            .put("actorRole", actor.role())
            .put("action", action.name())
            .put("subjectId", subjectId)
            .put("address", actor.address())
            .put("detail", event.detail());
    return mongo.insert(COLLECTION, document).compose(v -> durability.afterWrite()).map(event);
  }

  @Override
  public Future<List<AuditEvent>> find(AuditQuery query) {
    JsonObject filter = new JsonObject();
    query.actorId().ifPresent(a -> filter.put("actorId", a));
    query.action().ifPresent(a -> filter.put("action", a.name()));
    query.subjectId().ifPresent(s -> filter.put("subjectId", s));
    JsonObject range = new JsonObject();
    query.from().ifPresent(f -> range.put("$gte", Documents.date(f)));
    query.to().ifPresent(t -> range.put("$lt", Documents.date(t)));
    if (!range.isEmpty()) {
      filter.put("at", range);
    }
    FindOptions options =
        new FindOptions().setSort(new JsonObject().put("_id", -1)).setLimit(Math.min(query.limit(), MAX_PAGE));
    return mongo.findWithOptions(COLLECTION, filter, options).map(docs -> docs.stream().map(MongoAuditLog::fromDocument).toList());
  }

  private static AuditEvent fromDocument(JsonObject doc) {
    return new AuditEvent(
        doc.getString("_id"),
        Documents.instant(doc, "at"),
        doc.getString("actorId"),
        doc.getString("actorRole"),
        doc.getString("action"),
        doc.getString("subjectId"),
        doc.getString("address"),
        doc.getJsonObject("detail"));
  }
}
