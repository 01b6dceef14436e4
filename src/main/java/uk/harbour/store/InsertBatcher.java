package uk.harbour.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.harbour.async.OnCaller;

/**
 * Gathers single-document inserts into one unordered {@code insertMany}. Where commits are shared
 * ({@link GroupCommitter}), an insert arriving while a commit is due or running is held and made
 * just before the next commit starts, which then covers it: the store, the driver and their
 * threads see one write per commit rather than one per message, and the message waits no longer
 * than it would have for that commit anyway. Otherwise an insert goes at once, gathered with
 * others only while earlier batches are in flight. Each caller's future answers for its own
 * document only: a document the store refused fails with that document's own error (a
 * {@link MongoWriteException} carrying the driver's code, so callers recognise duplicates by
 * category), the rest succeed.
 */
final class InsertBatcher {

  private record Pending(JsonObject document, Promise<Void> result) {}

  private final MongoClient mongo;
  private final String collection;
  private final Durability durability;
  private final int maxBatch;
  private final int maxInFlight;
  private final List<Pending> waiting = new ArrayList<>();
  private int inFlight;
  private long writes;
  /** The commit that covers the last inserts made just before it, if no insert was applied outside a commit's writes since. */
  private Future<Void> coveredBy;

  InsertBatcher(MongoClient mongo, String collection, Durability durability, int maxBatch, int maxInFlight) {
    this.mongo = Objects.requireNonNull(mongo);
    this.collection = Objects.requireNonNull(collection);
    this.durability = Objects.requireNonNull(durability);
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    durability.beforeEachCommit(this::writeHeld);
  }

  Future<Void> insert(JsonObject document) {
    Promise<Void> result = Promise.promise();
    boolean hold;
    List<Pending> batch = null;
    synchronized (this) {
      hold = durability.committing();
      waiting.add(new Pending(document, result));
      if (!hold && inFlight < maxInFlight) {
        batch = take();
      }
    }
    if (hold) {
      durability.commitSoon();
    } else if (batch != null) {
      write(batch, null);
    }
    // Answered on whichever context made the batch: the chat core's chain does not mind, and
    // durable(), which callers answer people after, comes back to the caller's context.
    return result.future();
  }

  /**
   * Completes once every insert applied before this call is durable: with the commit its last
   * inserts were made for, unless one was applied outside that since or that commit failed. A
   * failed commit leaves its inserts applied but not on file, so a resend asks for a commit of its
   * own rather than failing again until somebody else writes.
   */
  Future<Void> durable() {
    Future<Void> covering;
    synchronized (this) {
      covering = coveredBy;
    }
    return covering != null && !covering.failed() ? OnCaller.answer(covering) : durability.afterWrite();
  }

  /** Makes every held insert for {@code commit}, completing once all are applied. */
  private Future<?> writeHeld(Durability.Commit commit) {
    List<List<Pending>> batches = new ArrayList<>();
    synchronized (this) {
      while (!waiting.isEmpty()) {
        batches.add(take());
      }
    }
    return Future.join(batches.stream().map(batch -> write(batch, commit)).toList());
  }

  /** Takes the next batch off the queue; the caller holds the lock. */
  private List<Pending> take() {
    List<Pending> head = waiting.subList(0, Math.min(waiting.size(), maxBatch));
    List<Pending> batch = new ArrayList<>(head);
    head.clear();
    inFlight++;
    writes++;
    return batch;
  }

  /** Writes {@code batch}; {@code commit} is the commit it is made for, or null when made outside one. */
  private Future<?> write(List<Pending> batch, Durability.Commit commit) {
    Future<?> written =
        batch.size() == 1
            ? mongo.insert(collection, batch.get(0).document())
            : mongo.bulkWriteWithOptions(
                collection, batch.stream().map(p -> BulkOperation.createInsert(p.document())).toList(), new BulkWriteOptions(false));
    return written.andThen(
        r -> {
          List<Pending> next = null;
          boolean stillWaiting;
          synchronized (this) {
            inFlight--;
            // Before any caller hears: its next question is which commit covers it. One that
            // began without waiting for this write may have missed it: the next one covers it.
            coveredBy = commit != null && commit.coversWritesAppliedNow() ? commit.outcome() : null;
            stillWaiting = !waiting.isEmpty();
            if (stillWaiting && commit == null && !durability.committing()) {
              next = take();
            }
          }
          settle(batch.stream().map(Pending::result).toList(), r);
          if (next != null) {
            write(next, null);
          } else if (stillWaiting) {
            durability.commitSoon();
          }
        });
  }

  /** How many writes reached the store so far (tests and diagnostics). */
  synchronized long writes() {
    return writes;
  }

  /**
   * Answers every caller of one write, in the order their documents were sent: its own document's
   * error, or success. Without a per-document account (a lost connection, a write-concern error)
   * every caller fails: nothing says which documents are safe, and resends are idempotent.
   */
  static void settle(List<Promise<Void>> callers, AsyncResult<?> result) {
    if (result.succeeded()) {
      callers.forEach(Promise::complete);
      return;
    }
    MongoBulkWriteException bulk = bulkFailure(result.cause());
    if (bulk == null || bulk.getWriteConcernError() != null) {
      callers.forEach(caller -> caller.fail(result.cause()));
      return;
    }
    Map<Integer, BulkWriteError> errors = new HashMap<>();
    bulk.getWriteErrors().forEach(e -> errors.put(e.getIndex(), e));
    for (int i = 0; i < callers.size(); i++) {
      BulkWriteError error = errors.get(i);
      if (error == null) {
        callers.get(i).complete();
      } else {
        callers.get(i).fail(new MongoWriteException(error, bulk.getServerAddress()));
      }
    }
  }

  private static MongoBulkWriteException bulkFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MongoBulkWriteException bulk) {
        return bulk;
      }
    }
    return null;
  }
}
