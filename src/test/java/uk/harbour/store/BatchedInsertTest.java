package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Eventually.eventually;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;

/**
 * Messages from many conversations stored in one write, each sender answered for their own
 * message. The store contract ({@code StoreContract}) runs batches against both backends; this
 * covers the failures a local store cannot produce.
 */
@DisplayName("Batched message inserts")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchedInsertTest {

  private static final int DUPLICATE_KEY = 11000;

  @Test
  @DisplayName("per-document errors fail exactly their own senders; a failure without that account fails everyone in the batch")
  void failuresReachTheirSenders() {
    ServerAddress address = new ServerAddress();
    List<BulkWriteError> errors = List.of(new BulkWriteError(DUPLICATE_KEY, "dup", new BsonDocument(), 1), new BulkWriteError(2, "bad", new BsonDocument(), 3));
    MongoBulkWriteException bulk = new MongoBulkWriteException(BulkWriteResult.unacknowledged(), errors, null, address, Set.of());
    List<Promise<Void>> callers = promises(4);
    InsertBatcher.settle(callers, Future.failedFuture(bulk));
    assertTrue(callers.get(0).future().succeeded());
    assertTrue(MongoErrors.isDuplicateKey(callers.get(1).future().cause()));
    assertTrue(callers.get(2).future().succeeded());
    assertTrue(callers.get(3).future().failed());
    assertTrue(!MongoErrors.isDuplicateKey(callers.get(3).future().cause()));

    RuntimeException lost = new RuntimeException("connection lost");
    List<Promise<Void>> all = promises(3);
    InsertBatcher.settle(all, Future.failedFuture(lost));
    all.forEach(p -> assertSame(lost, p.future().cause()));

    MongoBulkWriteException notMajority =
        new MongoBulkWriteException(BulkWriteResult.unacknowledged(), List.of(), new WriteConcernError(64, "", "waiting for replication timed out", new BsonDocument()), address, Set.of());
    List<Promise<Void>> unsure = promises(2);
    InsertBatcher.settle(unsure, Future.failedFuture(notMajority));
    unsure.forEach(p -> assertSame(notMajority, p.future().cause()));
  }

  @Test
  @DisplayName("an insert held for a commit that began without it (its answer came too late) waits for the next commit before it is durable")
  void aLateHeldInsertWaitsForTheNextCommit() {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicInteger commitsRun = new AtomicInteger();
      GroupCommitter commits = new GroupCommitter(vertx, commitsRun::incrementAndGet, 200_000, Duration.ofMillis(300));
      Promise<String> applied = Promise.promise();
      MongoClient store = (MongoClient) Proxy.newProxyInstance(MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class},
          (proxy, method, args) -> {
            if (method.getName().equals("insert")) {
              return applied.future();
            }
            throw new UnsupportedOperationException(method.getName());
          });
      InsertBatcher inserts = new InsertBatcher(store, "messages", commits, 100, 4);
      Futures.join(commits.afterWrite());
      commits.commitSoon();

      Future<Void> held = inserts.insert(new JsonObject().put("_id", "m1"));
      eventually(() -> commitsRun.get() == 2);
      applied.complete("m1");
      Futures.join(held);
      Futures.join(inserts.durable());

      assertEquals(3, commitsRun.get(), "durable only after a commit that began once the insert was applied");
    } finally {
      Futures.join(vertx.close());
    }
  }

  private static List<Promise<Void>> promises(int n) {
    List<Promise<Void>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(Promise.promise());
    }
    return list;
  }
}
