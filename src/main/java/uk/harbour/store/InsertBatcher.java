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

/**
 * Gathers single-document inserts into one unordered {@code insertMany} while earlier batches are
 * in flight: at low load each insert goes alone and at once; under load the store gets a few large
 * writes instead of many small ones. Each caller's future answers for its own document only: a
 * document the store refused fails with that document's own error (a {@link MongoWriteException}
 * carrying the driver's code, so callers recognise duplicates by category), the rest succeed.
 */
final class InsertBatcher {

  private record Pending(JsonObject document, Promise<Void> result) {}

  private final MongoClient mongo;
  private final String collection;
  private final int maxBatch;
  private final int maxInFlight;
  private final List<Pending> waiting = new ArrayList<>();
  private int inFlight;
  private long writes;

  InsertBatcher(MongoClient mongo, String collection, int maxBatch, int maxInFlight) {
    this.mongo = Objects.requireNonNull(mongo);
    this.collection = Objects.requireNonNull(collection);
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  Future<Void> insert(JsonObject document) {
    Promise<Void> result = Promise.promise();
    List<Pending> batch = null;
    synchronized (this) {
      waiting.add(new Pending(document, result));
      if (inFlight < maxInFlight) {
        batch = take();
      }
    }
    if (batch != null) {
      write(batch);
    }
    return result.future();
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

  private void write(List<Pending> batch) {
    Future<?> written =
        batch.size() == 1
            ? mongo.insert(collection, batch.get(0).document())
            : mongo.bulkWriteWithOptions(
                collection, batch.stream().map(p -> BulkOperation.createInsert(p.document())).toList(), new BulkWriteOptions(false));
    written.onComplete(
        r -> {
          List<Pending> next = null;
          synchronized (this) {
            inFlight--;
            if (!waiting.isEmpty()) {
              next = take();
            }
          }
          settle(batch.stream().map(Pending::result).toList(), r);
          if (next != null) {
            write(next);
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
