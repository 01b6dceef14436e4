package uk.harbour.store;

import static uk.harbour.testing.Futures.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.chat.MessageRepository.Duplicate;
import uk.harbour.chat.MessageRepository.DuplicateMessageException;
import uk.harbour.identity.Role;

/** Messages from many conversations stored in one write, each sender answered for their own message. */
@DisplayName("Batched message inserts")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchedInsertTest {

  /** Removed by JUnit after each test, so test runs do not fill /tmp. */
  @TempDir Path tempDir;

  private static final int DUPLICATE_KEY = 11000;
  private final Vertx vertx = Vertx.vertx();
  private EmbeddedMongo server;
  private MongoClient mongo;
  private MongoMessageRepository messages;

  @BeforeEach
  void setUp() throws Exception {
    server = EmbeddedMongo.start(tempDir.resolve("store.mv.db"));
    mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", server.connectionString()).put("db_name", "harbour"));
    messages = new MongoMessageRepository(mongo, Durability.none());
    join(messages.createIndexes());
  }

  @AfterEach
  void tearDown() {
    join(mongo.close());
    server.close();
    join(vertx.close());
  }

  @Test
  @DisplayName("a batch with a resent client id in the middle stores the others and refuses only the resend, which still finds its original seq")
  void duplicateInTheMiddle() {
    join(messages.insert(message("cl-a", 1, "a-1")));
    long before = messages.insertWrites();
    List<Future<Void>> results = new ArrayList<>();
    // Sent in one go: the first two go to the store at once, the rest wait and share one write.
    for (int c = 0; c < 4; c++) {
      results.add(messages.insert(message("cl-x" + c, 1, "x-" + c)));
    }
    results.add(messages.insert(message("cl-a", 2, "a-1")));
    for (int c = 4; c < 8; c++) {
      results.add(messages.insert(message("cl-x" + c, 1, "x-" + c)));
    }
    settle(results);

    for (int i = 0; i < results.size(); i++) {
      if (i == 4) {
        DuplicateMessageException e = assertInstanceOf(DuplicateMessageException.class, results.get(i).cause());
        assertEquals(Duplicate.CLIENT_ID, e.kind());
      } else {
        assertTrue(results.get(i).succeeded(), "message " + i + " should be stored: " + results.get(i).cause());
      }
    }
    assertTrue(messages.insertWrites() - before < results.size(), "nine inserts should share writes, took " + (messages.insertWrites() - before));
    Optional<Message> original = join(messages.findByClientId("cl-a", "cl-a", "a-1"));
    assertEquals(1, original.orElseThrow().seq());
    assertEquals(9, join(mongo.count("messages", new JsonObject())).intValue());
  }

  @Test
  @DisplayName("a batch with a taken seq refuses that message as a seq clash and stores the rest")
  void seqClashInABatch() {
    join(messages.insert(message("cl-b", 1, "b-1")));
    List<Future<Void>> results = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      results.add(messages.insert(message("cl-y" + c, 1, "y-" + c)));
    }
    results.add(messages.insert(message("cl-b", 1, "b-other")));
    results.add(messages.insert(message("cl-y9", 1, "y-9")));
    settle(results);

    assertEquals(Duplicate.SEQ, assertInstanceOf(DuplicateMessageException.class, results.get(3).cause()).kind());
    for (int i : new int[] {0, 1, 2, 4}) {
      assertTrue(results.get(i).succeeded(), "message " + i + " should be stored");
    }
    assertEquals("b-1", join(messages.find("cl-b", List.of(1L))).get(0).clientId());
  }

  @Test
  @DisplayName("reads give cached and stored messages together in seq order, including messages another node stored")
  void readsMixCacheAndStore() {
    for (long seq = 1; seq <= 5; seq++) {
      join(messages.insert(message("cl-c", seq, "mine-" + seq)));
    }
    MongoMessageRepository otherNode = new MongoMessageRepository(mongo, Durability.none());
    for (long seq = 6; seq <= 10; seq++) {
      join(otherNode.insert(message("cl-c", seq, "theirs-" + seq)));
    }
    List<Message> all = join(messages.find("cl-c", List.of(10L, 3L, 7L, 1L, 5L, 6L, 11L)));
    assertEquals(List.of(1L, 3L, 5L, 6L, 7L, 10L), all.stream().map(Message::seq).toList());
    assertEquals("theirs-7", all.get(4).clientId());
    assertEquals("mine-3", all.get(1).clientId());
    assertEquals(List.of(1L, 2L), join(otherNode.find("cl-c", List.of(2L, 1L))).stream().map(Message::seq).toList());
  }

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
  @DisplayName("an insert completes only once the write is durable, though the store has applied it at once")
  void insertWaitsForDurability() {
    Promise<Void> commit = Promise.promise();
    AtomicInteger asked = new AtomicInteger();
    MongoMessageRepository durable = new MongoMessageRepository(mongo, () -> {
      asked.incrementAndGet();
      return commit.future();
    });
    Future<Void> inserted = durable.insert(message("cl-d", 1, "d-1"));
    Future<Void> another = durable.insert(message("cl-e", 1, "e-1"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (asked.get() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(2, asked.get(), "each insert waits for the commit after its write");
    assertEquals(List.of(1L), join(durable.find("cl-d", List.of(1L))).stream().map(Message::seq).toList(), "the store has applied it");
    assertTrue(!inserted.isComplete() && !another.isComplete(), "but neither is acknowledged before the commit");
    commit.complete();
    join(Future.all(inserted, another));
  }

  private static List<Promise<Void>> promises(int n) {
    List<Promise<Void>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(Promise.promise());
    }
    return list;
  }

  private static Message message(String conversationId, long seq, String clientId) {
    return new Message(conversationId, seq, 1, MessageKind.TEXT, "hello " + clientId, conversationId, Role.CARE_LEAVER, "Young", clientId, Instant.parse("2026-11-25T20:00:00Z"), null, null);
  }

  private static void settle(List<Future<Void>> results) {
    Future.join(results).toCompletionStage().toCompletableFuture().handle((r, e) -> null).orTimeout(20, TimeUnit.SECONDS).join();
  }

}
