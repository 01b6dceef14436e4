package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.store.StoreRecords.AT;
import static uk.harbour.store.StoreRecords.careLeaver;
import static uk.harbour.store.StoreRecords.invite;
import static uk.harbour.store.StoreRecords.message;
import static uk.harbour.store.StoreRecords.staff;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import uk.harbour.audit.AuditLog;
import java.time.LocalDate;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationState;
import uk.harbour.chat.Message;
import uk.harbour.identity.CareLeaver;
import uk.harbour.chat.MessageRepository.Duplicate;
import uk.harbour.chat.MessageRepository.DuplicateMessageException;
import uk.harbour.rota.Rota;
import uk.harbour.rota.RotaRepository.StoredRota;
import uk.harbour.rota.RotaService;
import uk.harbour.store.embedded.TestStores.CrashableStore;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.TestClock;
import uk.harbour.web.HarbourException;

/**
 * What Harbour relies on from the embedded store, through its own repositories and {@link MongoStore}
 * (client settings, group commit): run against our backend and the library's stock one, which must
 * answer alike. A library upgrade that breaks one of our subclasses fails here rather than in
 * production; {@code docs/storage.md} lists the internals they use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class StoreContract {

  /** Removed by JUnit after each test. */
  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final TestClock clock = TestClock.at("2026-11-25T20:00");
  private CrashableStore server;
  private MongoStore store;
  /** Never within a test, unless it says so: a crash then drops exactly what nobody waited for. */
  private long commitUnwaitedEveryMs = Long.MAX_VALUE / 4;

  /** Opens {@code file} with the backend under test; a write reaches the file only through its commit. */
  abstract CrashableStore open(Path file);

  @BeforeEach
  void start() {
    reopen();
  }

  @AfterEach
  void stop() {
    join(store.close());
    join(vertx.close());
  }

  @Test
  @DisplayName("refuses a second _id or unique key by the driver's duplicate-key category, and finds by _id, $in and that key")
  void uniqueIndexes() {
    MongoClient mongo = store.client();
    join(mongo.createIndexWithOptions("docs", new JsonObject().put("conversationId", 1).put("clientId", 1), new IndexOptions().name("client").unique(true)));
    for (int i = 1; i <= 300; i++) {
      join(mongo.insert("docs", doc(i % 7, i, "c" + i)));
    }
    assertDuplicate(mongo.insert("docs", doc(3, 10, "fresh")));
    assertDuplicate(mongo.insert("docs", doc(10 % 7, 999, "c10")));
    join(mongo.insert("docs", doc(1, 999, "c10")));

    JsonArray ids = new JsonArray().add(docId(3, 10)).add(docId(1, 999)).add(docId(4, 11)).add(docId(4, 12));
    assertEquals(3, join(mongo.find("docs", new JsonObject().put("_id", new JsonObject().put("$in", ids)))).size());
    assertEquals("hello 11", join(mongo.findOne("docs", new JsonObject().put("_id", docId(4, 11)), null)).getString("text"));
    assertEquals(docId(3, 10), join(mongo.findOne("docs", new JsonObject().put("conversationId", "cl3").put("clientId", "c10"), null)).getString("_id"));
    // Numbers MongoDB thinks equal are one key.
    join(mongo.insert("numbers", new JsonObject().put("_id", 1)));
    assertDuplicate(mongo.insert("numbers", new JsonObject().put("_id", 1L)));
  }

  @Test
  @DisplayName("answers a taken username or sign-in name with a 409, finds by _id and by sign-in name, and replaces a record by _id")
  void accounts() {
    var staff = new MongoStaffRepository(store.client(), store.durability());
    var careLeavers = new MongoCareLeaverRepository(store.client(), store.durability());

    join(staff.insert(staff("sam", true)));
    assertEquals(Optional.of(staff("sam", true)), join(staff.find("sam")));
    assertEquals("username_taken", conflict(staff.insert(staff("sam", false))).code());
    join(staff.update(staff("sam", false)));
    assertEquals(Optional.of(staff("sam", false)), join(staff.find("sam")));
    assertEquals(Optional.empty(), join(staff.find("nobody")));

    // Young people without a sign-in name yet do not clash in the sparse unique index.
    join(careLeavers.insert(careLeaver("cl-a", Optional.empty())));
    join(careLeavers.insert(careLeaver("cl-b", Optional.empty())));
    join(careLeavers.update(careLeaver("cl-a", Optional.of("jay"))));
    assertEquals("cl-a", join(careLeavers.findByLoginName("jay")).orElseThrow().id());
    assertEquals("login_name_taken", conflict(careLeavers.update(careLeaver("cl-b", Optional.of("jay")))).code());
    assertEquals(Optional.of(careLeaver("cl-b", Optional.empty())), join(careLeavers.find("cl-b")));
  }

  @Test
  @DisplayName("reads every care leaver and every conversation snapshot even when together they are more than the driver's 48 MB reply")
  void readsAllPastOneReply() {
    var careLeavers = new MongoCareLeaverRepository(store.client(), Durability.none());
    var snapshots = new MongoConversationRepository(store.client());
    // 400 records of 130 KB each: 52 MB, answered in one reply before reads were batched.
    String longName = "J".repeat(130_000);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String id = String.format("cl-%04d", i);
      writes.add(careLeavers.insert(new CareLeaver(id, longName, LocalDate.parse("2006-05-01"), "sam", "north", true, Optional.empty(), Optional.empty(), AT, AT)));
      writes.add(snapshots.save(new Conversation(id, longName, "sam", "north").state()));
    }
    // 104 MB written: on a busy machine that alone has taken over 20 s, and its speed is not the point.
    join(Future.all(writes), 90);
    assertEquals(400, join(careLeavers.all()).size());
    assertEquals(400, join(careLeavers.allIds()).stream().distinct().count(), "and their ids alone");
    assertEquals(400, join(snapshots.all()).stream().map(ConversationState::id).distinct().count());
  }

  @Test
  @DisplayName("answers a read of every document asked from a thread outside Vert.x, as a test or a shutdown hook asks, every time")
  void readsAllFromOutsideVertx() {
    var careLeavers = new MongoCareLeaverRepository(store.client(), Durability.none());
    join(careLeavers.insert(new CareLeaver("cl-1", "Lou", LocalDate.parse("2006-05-01"), "sam", "north", true, Optional.empty(), Optional.empty(), AT, AT)));
    // The stream's end used to be dropped now and then when it came before its handler was set.
    for (int read = 0; read < 300; read++) {
      assertEquals(List.of("cl-1"), join(careLeavers.allIds(), 5), "read " + read);
      assertEquals(1, join(careLeavers.all(), 5).size(), "read " + read);
    }
  }

  @Test
  @DisplayName("says which of many message ids are stored, asking about them a thousand at a time")
  void existingMessages() {
    MongoMessageRepository messages = messages();
    List<String> asked = new ArrayList<>();
    for (int c = 0; c < 2500; c++) {
      asked.add(Message.id("cl-" + c, 1));
    }
    join(messages.insert(message("cl-7", 1, "a")));
    join(messages.insert(message("cl-2400", 1, "b")));
    join(messages.insert(message("cl-2400", 2, "c")));
    join(messages.insert(message("cl-elsewhere", 1, "d")));
    assertEquals(java.util.Set.of(Message.id("cl-7", 1), Message.id("cl-2400", 1)), join(messages.existing(asked)));
    assertEquals(java.util.Set.of(), join(messages.existing(List.of())));
  }

  @Test
  @DisplayName("replaces the rota only at the version it was read at, and marks an invite used exactly once")
  void conditionalUpdates() {
    Rota rota = RotaService.empty();
    assertEquals(1, join(rotas().save(rota, 0, AT, "jo")).version());
    assertEquals("conflict", conflict(rotas().save(rota, 0, AT, "alex")).code(), "a second first save clashes on _id");
    assertEquals(2, join(rotas().save(rota, 1, AT.plusSeconds(60), "alex")).version());
    assertEquals("conflict", conflict(rotas().save(rota, 1, AT, "jo")).code(), "read before the last save");
    assertEquals(new StoredRota(rota, 2, AT.plusSeconds(60), "alex"), join(rotas().load()).orElseThrow());

    var invites = new MongoInviteRepository(store.client(), store.durability());
    join(invites.insert(invite("t1", "cl-a")));
    join(invites.insert(invite("t2", "cl-a")));
    assertTrue(join(invites.markUsed("t1", AT)));
    assertFalse(join(invites.markUsed("t1", AT)), "already used");
    assertTrue(join(invites.findByCode("code-t1")).orElseThrow().used());
    assertFalse(join(invites.findByToken("t2")).orElseThrow().used());
    join(invites.deleteAllFor("cl-a"));
    assertEquals(Optional.empty(), join(invites.findByToken("t2")));
  }

  @Test
  @DisplayName("stores a batch of messages from many conversations, refusing only a resend (which finds its original) and a taken seq")
  void messageBatch() {
    MongoMessageRepository messages = messages();
    join(messages.insert(message("cl-a", 1, "a-1")));
    join(messages.insert(message("cl-b", 1, "b-1")));
    long before = messages.insertWrites();
    List<Future<Void>> results = new ArrayList<>();
    // Sent in one go: the first two go to the store at once, the rest wait and share writes.
    for (int c = 0; c < 8; c++) {
      results.add(messages.insert(message("cl-x" + c, 1, "x-" + c)));
      if (c == 3) {
        results.add(messages.insert(message("cl-a", 2, "a-1")));
        results.add(messages.insert(message("cl-b", 1, "b-other")));
      }
    }
    join(Future.join(results).otherwiseEmpty());

    for (int i = 0; i < results.size(); i++) {
      if (i == 4 || i == 5) {
        Duplicate expected = i == 4 ? Duplicate.CLIENT_ID : Duplicate.SEQ;
        assertEquals(expected, assertInstanceOf(DuplicateMessageException.class, results.get(i).cause()).kind());
      } else {
        assertTrue(results.get(i).succeeded(), "message " + i + " should be stored: " + results.get(i).cause());
      }
    }
    assertTrue(messages.insertWrites() - before < results.size(), "ten inserts should share writes");
    assertEquals(1, join(messages.findByClientId("cl-a", "cl-a", "a-1")).orElseThrow().seq());
    assertEquals("b-1", join(messages.find("cl-b", List.of(1L))).get(0).clientId());
    assertEquals(10, join(store.client().count(MongoMessageRepository.COLLECTION, new JsonObject())).intValue());
  }

  @Test
  @DisplayName("reads messages by $in on _id in seq order, cached and stored together, including messages another node stored")
  void messageReads() {
    MongoMessageRepository messages = messages();
    for (long seq : new long[] {5, 1, 3, 2, 4}) {
      join(messages.insert(message("cl-c", seq, "mine-" + seq)));
    }
    MongoMessageRepository otherNode = messages();
    for (long seq = 6; seq <= 10; seq++) {
      join(otherNode.insert(message("cl-c", seq, "theirs-" + seq)));
    }
    List<Message> all = join(messages.find("cl-c", List.of(10L, 3L, 7L, 1L, 5L, 6L, 11L)));
    assertEquals(List.of(1L, 3L, 5L, 6L, 7L, 10L), all.stream().map(Message::seq).toList());
    assertEquals("theirs-7", all.get(4).clientId());
    assertEquals(message("cl-c", 3, "mine-3"), all.get(1));
    assertEquals(List.of(1L, 2L), join(otherNode.find("cl-c", List.of(2L, 1L))).stream().map(Message::seq).toList());
  }

  @Test
  @DisplayName("reads several conversations' messages at once, each in seq order, cached and stored together, an empty list for one with none")
  void messageReadsForSeveralConversations() {
    MongoMessageRepository messages = messages();
    for (long seq : new long[] {3, 1, 2}) {
      join(messages.insert(message("cl-e", seq, "e-" + seq)));
    }
    MongoMessageRepository otherNode = messages();
    join(otherNode.insert(message("cl-f", 1, "f-1")));
    join(messages.find("cl-e", List.of(3L)));
    Map<String, List<Message>> found = join(messages.find(Map.of("cl-e", List.of(3L, 2L, 1L, 4L), "cl-f", List.of(1L, 2L), "cl-g", List.of(1L))));
    assertEquals(List.of(1L, 2L, 3L), found.get("cl-e").stream().map(Message::seq).toList());
    assertEquals(message("cl-e", 2, "e-2"), found.get("cl-e").get(1));
    assertEquals(List.of("f-1"), found.get("cl-f").stream().map(Message::clientId).toList());
    assertEquals(List.of(), found.get("cl-g"));
  }

  @Test
  @DisplayName("keeps the audit log newest first and messages in seq order whatever order they were filed in, after a restart too")
  void orderedReads() {
    AuditLog audit = new MongoAuditLog(store.client(), store.durability(), clock);
    for (int minutes : new int[] {30, 10, 20}) {
      clock.set(AT.plus(Duration.ofMinutes(minutes)));
      join(audit.append(AuditLog.Actor.system(), AuditAction.ROTA_CHANGED, "at+" + minutes, new JsonObject()));
    }
    MongoMessageRepository messages = messages();
    for (long seq : new long[] {3, 1, 2}) {
      join(messages.insert(message("cl-d", seq, "d-" + seq)));
    }
    restart();

    AuditLog reopened = new MongoAuditLog(store.client(), store.durability(), clock);
    assertEquals(List.of("at+30", "at+20", "at+10"), join(reopened.find(AuditLog.AuditQuery.latest(10))).stream().map(AuditEvent::subjectId).toList());
    assertEquals(List.of(1L, 2L, 3L), join(messages().find("cl-d", List.of(3L, 2L, 1L))).stream().map(Message::seq).toList());
  }

  @Test
  @DisplayName("keeps every write it acknowledged, and its unique indexes, through a crash, and loses what was never committed")
  void durableThroughACrash() {
    var staff = new MongoStaffRepository(store.client(), store.durability());
    join(staff.insert(staff("sam", true)));
    MongoMessageRepository messages = messages();
    List<Future<Void>> sent = new ArrayList<>();
    for (long seq = 1; seq <= 50; seq++) {
      // As chat does today: a message is acknowledged once the store's durability says so.
      sent.add(messages.insert(message("cl-e", seq, "e-" + seq)).compose(v -> store.durability().afterWrite()));
    }
    join(Future.all(sent));
    join(rotas().save(RotaService.empty(), 0, AT, "jo"));
    join(store.client().insert("never_committed", new JsonObject().put("_id", "lost")));

    crashAndReopen();

    var reopenedStaff = new MongoStaffRepository(store.client(), store.durability());
    assertEquals(Optional.of(staff("sam", true)), join(reopenedStaff.find("sam")));
    assertEquals("username_taken", conflict(reopenedStaff.insert(staff("sam", false))).code());
    List<Long> seqs = new ArrayList<>();
    for (long seq = 1; seq <= 50; seq++) {
      seqs.add(seq);
    }
    assertEquals(seqs, join(messages().find("cl-e", seqs)).stream().map(Message::seq).toList());
    assertEquals(1, join(rotas().load()).orElseThrow().version());
    var resend = assertThrows(CompletionException.class, () -> join(messages().insert(message("cl-e", 51, "e-7"))));
    assertEquals(Duplicate.CLIENT_ID, assertInstanceOf(DuplicateMessageException.class, resend.getCause()).kind());
    assertEquals(0, join(store.client().count("never_committed", new JsonObject())), "the crash really dropped uncommitted writes");
  }

  @Test
  @DisplayName("says so once its engine has closed the file after a failed write, refuses writes from then on, and a stop and start keeps every acknowledged one")
  void saysWhenItCanNoLongerWrite() {
    MongoMessageRepository messages = messages();
    join(messages.insert(message("cl-f", 1, "f-1")).compose(v -> store.durability().afterWrite()));
    assertEquals(Optional.empty(), store.failure());

    server.failWrites();

    assertTrue(store.failure().orElseThrow().contains("full disk"), () -> store.failure().toString());
    assertThrows(CompletionException.class, () -> join(messages.insert(message("cl-f", 2, "f-2"))));
    restart();
    assertEquals(Optional.empty(), store.failure(), "a restart opens the file afresh");
    assertEquals(List.of(1L), join(messages().find("cl-f", List.of(1L, 2L))).stream().map(Message::seq).toList());
  }

  @Test
  @DisplayName("messages sent while a commit is due or running go to the store together just before the next one, and each acknowledged one survives a crash")
  void heldInsertsAreCoveredByTheirCommit() {
    // A long gap, so most messages arrive while a commit is due: they are held for it.
    GroupCommitter commits = new GroupCommitter(vertx, server::commit, 50_000);
    MongoMessageRepository messages = new MongoMessageRepository(store.client(), commits);
    join(messages.insert(message("cl-h0", 1, "h0-1")));
    long before = messages.insertWrites();
    List<Future<Void>> acknowledged = new ArrayList<>();
    for (int c = 1; c <= 20; c++) {
      String conversation = "cl-h" + c;
      // As a conversation's chain does: the next message is written once the last is applied; each acknowledged once durable.
      Future<Void> first = messages.write(message(conversation, 1, conversation + "-1"));
      acknowledged.add(first.compose(v -> messages.durable()));
      acknowledged.add(first.compose(v -> messages.write(message(conversation, 2, conversation + "-2"))).compose(v -> messages.durable()));
    }
    join(Future.all(acknowledged));
    assertTrue(messages.insertWrites() - before <= 6, "40 messages in a few writes, not " + (messages.insertWrites() - before));
    // Once commits are idle, a message goes at once and waits for a commit of its own.
    Eventually.eventually(() -> !commits.committing());
    join(messages.insert(message("cl-h21", 1, "h21-1")));

    crashAndReopen();

    for (int c = 0; c <= 21; c++) {
      List<Long> seqs = c == 0 || c == 21 ? List.of(1L) : List.of(1L, 2L);
      assertEquals(seqs, join(messages().find("cl-h" + c, seqs)).stream().map(Message::seq).toList(), "cl-h" + c + " lost a message it acknowledged");
    }
  }

  @Test
  @DisplayName("a message whose commit failed is acknowledged on its resend by a commit of its own, with nothing else written, and survives a crash")
  void resendAfterAFailedCommitIsAcknowledged() {
    AtomicBoolean failing = new AtomicBoolean();
    GroupCommitter commits = new GroupCommitter(vertx, () -> {
      if (failing.get()) {
        throw new IllegalStateException("the disk is full");
      }
      server.commit();
    }, 500_000);
    MongoMessageRepository messages = new MongoMessageRepository(store.client(), commits);
    join(messages.insert(message("cl-f", 1, "f-1")));
    join(messages.write(message("cl-f", 2, "f-2")));
    // Its commit waits out the gap after the last one, so the next message is held for that commit.
    Future<Void> secondDurable = messages.durable();
    failing.set(true);
    Future<Void> third = messages.write(message("cl-f", 3, "f-3"));
    join(third);
    assertThrows(CompletionException.class, () -> join(messages.durable()), "the commit the third was made for failed");
    assertTrue(secondDurable.failed(), "one commit for both");

    failing.set(false);
    // The chat core recognises a resend of a recent message from the repository's cache and writes
    // nothing: it only asks whether the message is durable yet.
    assertTrue(messages.recentByClientId("cl-f", "cl-f", "f-3").isPresent(), "the resend is recognised without the store");
    join(messages.durable());

    crashAndReopen();

    assertEquals(List.of(1L, 2L, 3L), join(messages().find("cl-f", List.of(1L, 2L, 3L))).stream().map(Message::seq).toList());
  }

  @Test
  @DisplayName("commits writes nobody waits for (snapshots, activity marks) on its own, so a crash keeps them too")
  void commitsWritesNobodyWaitsFor() throws InterruptedException {
    commitUnwaitedEveryMs = 100;
    restart();
    join(store.client().insert("unwaited", new JsonObject().put("_id", "kept")));
    // No commit is asked for: the store's own timer must make one (1 s in production, 100 ms here).
    Thread.sleep(1_000);

    crashAndReopen();

    assertEquals(1, join(store.client().count("unwaited", new JsonObject())), "a write nobody waited for was lost");
  }

  private MongoMessageRepository messages() {
    return new MongoMessageRepository(store.client(), store.durability());
  }

  @Test
  @DisplayName("a message insert completes only once the write is durable, though the store has applied it at once")
  void insertWaitsForDurability() {
    Promise<Void> commit = Promise.promise();
    AtomicInteger asked = new AtomicInteger();
    MongoMessageRepository durable = new MongoMessageRepository(store.client(), () -> {
      asked.incrementAndGet();
      return commit.future();
    });
    Future<Void> inserted = durable.insert(message("cl-d", 1, "d-1"));
    Future<Void> another = durable.insert(message("cl-e", 1, "e-1"));
    Eventually.eventually(() -> asked.get() == 2);
    assertEquals(List.of(1L), join(durable.find("cl-d", List.of(1L))).stream().map(Message::seq).toList(), "the store has applied it");
    assertTrue(!inserted.isComplete() && !another.isComplete(), "but neither is acknowledged before the commit");
    commit.complete();
    join(Future.all(inserted, another));
  }

  private MongoRotaRepository rotas() {
    return new MongoRotaRepository(store.client(), store.durability(), RotaService.DEFAULT_CAPACITY);
  }

  /** Opens the file and creates the indexes, as Harbour does at start. */
  private void reopen() {
    server = open(dir.resolve("harbour.mv.db"));
    store = MongoStore.overEmbedded(vertx, server, "harbour", commitUnwaitedEveryMs);
    join(
        Future.all(
            messages().createIndexes(),
            new MongoCareLeaverRepository(store.client(), store.durability()).createIndexes(),
            new MongoInviteRepository(store.client(), store.durability()).createIndexes()));
  }

  /** Closes the store as Harbour does at shutdown and opens the file again. */
  private void restart() {
    join(store.close());
    reopen();
  }

  /** Stops the store as {@code kill -9} would: only what was committed is in the file. Then opens it again. */
  private void crashAndReopen() {
    join(store.client().close());
    server.crash();
    reopen();
  }

  private static HarbourException conflict(Future<?> write) {
    CompletionException e = assertThrows(CompletionException.class, () -> join(write));
    HarbourException conflict = assertInstanceOf(HarbourException.class, e.getCause());
    assertEquals(409, conflict.status());
    return conflict;
  }

  private static void assertDuplicate(Future<?> write) {
    CompletionException e = assertThrows(CompletionException.class, () -> join(write));
    assertTrue(MongoErrors.isDuplicateKey(e.getCause()), () -> "expected a duplicate key error, got " + e.getCause());
  }

  private static String docId(int conversation, int seq) {
    return "cl" + conversation + ":" + String.format("%012d", seq);
  }

  private static JsonObject doc(int conversation, int seq, String clientId) {
    return new JsonObject().put("_id", docId(conversation, seq)).put("conversationId", "cl" + conversation).put("clientId", clientId).put("text", "hello " + seq);
  }
}
