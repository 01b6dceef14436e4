package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Eventually.eventually;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.reports.ReportWriter;
import uk.harbour.store.DirectClient;
import uk.harbour.store.Documents;
import uk.harbour.store.Durability;
import uk.harbour.store.MongoActiveConversationRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("Resolved history rests unloaded at start, and opens, catches up and reports as before")
@Timeout(120)
class RestingConversationsTest {

  private RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-25T21:00"));
  private Fixtures fixtures;
  private String jay;
  private TestSession jaySession;

  @BeforeEach
  void jayWroteAndWasResolvedLastMonth() {
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    TestSession sam = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    jay = invite.getString("careLeaverId");
    jaySession = fixtures.joined(invite, "jay-resting");
    try (TestSocket young = TestSocket.connect(harbour, jaySession); TestSocket staff = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      staff.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "c1").put("text", "hello from last month"));
      young.next("ack");
      staff.send(new JsonObject().put("type", "read").put("conversationId", jay).put("seq", 1));
      staff.send(new JsonObject().put("type", "resolve").put("conversationId", jay));
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getJsonObject("event") != null
          && "resolved".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
    }
    ChatService chat = harbour.harbour().services().chat();
    MongoClient store = harbour.harbour().services().store().client();
    // The snapshot is written a moment behind: wait until it holds the resolve.
    eventually(() -> store.findOne("conversations", new JsonObject().put("_id", jay), null).toCompletionStage().toCompletableFuture().join(),
        doc -> doc != null && "resolved".equals(doc.getString("status")) && doc.getLong("lastSeq") == chat.peek(jay).orElseThrow().lastSeq());
    // Nothing since for longer than a week: history.
    harbour.clock().advance(ActiveMarks.ACTIVE_FOR.plus(Duration.ofDays(1)));
  }

  @AfterEach
  void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A resolved conversation with nothing new for a week is not loaded at start, yet its young person's status line, their chat and an adviser's history open it as before")
  void restsUntilOpened() {
    long resolvedAt = harbour.harbour().services().chat().peek(jay).orElseThrow().lastSeq();
    harbour = harbour.restart();
    ChatService chat = harbour.harbour().services().chat();
    assertTrue(chat.peek(jay).isEmpty(), "not loaded at start");
    assertTrue(chat.conversations().stream().noneMatch(c -> c.id().equals(jay)));
    assertNull(mark(jay), "its mark removed: quiet history");

    // Their status line (GET /api/on-call), asked before the chat opens, still knows the conversation is resolved.
    uk.harbour.identity.SignedIn jayViewer = new uk.harbour.identity.SignedIn(jay, Role.CARE_LEAVER, "Jay", Fixtures.TEAM, harbour.clock().instant());
    JsonObject onCall = RunningHarbour.await(harbour.harbour().services().routing().view().fresh(jayViewer));
    assertEquals("resolved", onCall.getString("status"), onCall.encode());

    try (TestSocket young = TestSocket.connect(harbour, jaySession)) {
      JsonObject welcome = young.next("welcome");
      assertEquals("resolved", welcome.getJsonObject("conversation").getString("status"));
      assertEquals(resolvedAt, welcome.getJsonObject("conversation").getLong("lastSeq"));
    }
    assertEquals(resolvedAt, chat.peek(jay).orElseThrow().lastSeq(), "loaded once opened");

    try (TestSocket staff = TestSocket.connect(harbour, new Fixtures(harbour).signedIn("sam"))) {
      staff.next("welcome");
      staff.send(new JsonObject().put("type", "history").put("conversationId", jay));
      JsonObject history = staff.next("history");
      assertTrue(history.encode().contains("hello from last month"), history.encode());
    }
    assertNull(mark(jay), "reading history does not make it active");
  }

  @Test
  @DisplayName("A young person writing into a resting conversation marks it active before the message is stored, so a start after a crash loads it")
  void writingMarksItActive() {
    harbour = harbour.restart();
    assertTrue(harbour.harbour().services().chat().peek(jay).isEmpty());
    try (TestSocket young = TestSocket.connect(harbour, jaySession)) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "c2").put("text", "back again"));
      young.next("ack");
    }
    JsonObject mark = mark(jay);
    assertTrue(mark != null, "marked");
    harbour = harbour.restart();
    Conversation held = harbour.harbour().services().chat().peek(jay).orElseThrow();
    assertNotEquals(ConversationStatus.RESOLVED, held.status(), "loaded at start, reopened");
  }

  @Test
  @DisplayName("A message stored into a resting resolved conversation just before a crash is caught up at start, reopens it and reaches the queue and routing")
  void messageJustBeforeACrashIsRouted() {
    long resolvedAt = harbour.harbour().services().chat().peek(jay).orElseThrow().lastSeq();
    int episode = harbour.harbour().services().chat().peek(jay).orElseThrow().episode();
    harbour = harbour.restartAfter(() -> {
      Vertx vertx = Vertx.vertx();
      try (EmbeddedStore store = EmbeddedStore.start(harbour.dataDir().resolve("harbour.mv.db"));
          DirectClient direct = DirectClient.open(vertx, store.connectionString(), "harbour")) {
        MongoClient mongo = direct.mongo();
        // As the chat core stores it: the conversation marked active first, then the message; the snapshot never written.
        RunningHarbour.await(new MongoActiveConversationRepository(mongo).mark(jay, harbour.clock().instant()));
        RunningHarbour.await(new MongoMessageRepository(mongo, Durability.none()).write(new Message(jay, resolvedAt + 1, episode + 1, MessageKind.TEXT,
            "are you there?", jay, Role.CARE_LEAVER, "Jay", "late1", harbour.clock().instant(), null, null)));
        store.commit();
      } finally {
        RunningHarbour.await(vertx.close());
      }
    });

    ChatService chat = harbour.harbour().services().chat();
    Conversation held = chat.peek(jay).orElseThrow();
    assertTrue(held.lastSeq() >= resolvedAt + 1, "caught up at start");
    assertNotEquals(ConversationStatus.RESOLVED, held.status(), "reopened by the young person's message");
    // Routing answers it (an adviser or the auto-reply), as it answers any wait after a start.
    List<Message> latest = eventually(() -> RunningHarbour.await(chat.latest(jay, 20)),
        messages -> messages.stream().anyMatch(m -> m.seq() > resolvedAt + 1 && m.senderRole() != Role.CARE_LEAVER));
    assertEquals("are you there?", latest.stream().filter(m -> m.seq() == resolvedAt + 1).findFirst().orElseThrow().text());
    uk.harbour.identity.SignedIn sam = new uk.harbour.identity.SignedIn("sam", Role.ADVISER, "Sam", Fixtures.TEAM, harbour.clock().instant());
    assertTrue(chat.queue(sam).stream().anyMatch(c -> c.id().equals(jay)), "in the staff queue");
  }

  @Test
  @DisplayName("A store from before the list of active conversations loads every conversation once, as before, and marks only the active ones")
  void storeFromBeforeTheMarks() {
    harbour = harbour.restartAfter(() -> {
      Vertx vertx = Vertx.vertx();
      try (EmbeddedStore store = EmbeddedStore.start(harbour.dataDir().resolve("harbour.mv.db"));
          DirectClient direct = DirectClient.open(vertx, store.connectionString(), "harbour")) {
        MongoClient mongo = direct.mongo();
        RunningHarbour.await(mongo.dropCollection("active_conversations"));
        store.commit();
      } finally {
        RunningHarbour.await(vertx.close());
      }
    });
    assertTrue(harbour.harbour().services().chat().peek(jay).isEmpty(), "read with every snapshot once, then left to rest");
    assertNull(mark(jay), "quiet history is not marked");
    JsonObject built = RunningHarbour.await(harbour.harbour().services().store().client().findOne("active_conversations", new JsonObject().put("_id", "#built"), null));
    assertTrue(built != null, "the list is built");

    harbour = harbour.restart();
    assertTrue(harbour.harbour().services().chat().peek(jay).isEmpty(), "the next start leaves it to rest");
  }

  @Test
  @DisplayName("Once the reports are complete (the mark renewed while running), a start catches up only the conversations held, not resting history")
  void reportsCatchUpOnlyWhatIsHeld() {
    waitForReportsComplete();
    harbour = harbour.restart();
    ReportWriter.CatchUp catchUp = RunningHarbour.await(harbour.harbour().services().reports().writer().caughtUp());
    assertFalse(catchUp.everyConversation());
    assertEquals(harbour.harbour().services().chat().conversations().size(), catchUp.conversations());
    assertTrue(harbour.harbour().services().chat().peek(jay).isEmpty(), "still resting");
  }

  @Test
  @DisplayName("Reports last known complete more than six days ago (Harbour was down for a week) fold every conversation at start")
  void reportsCatchUpEverythingAfterAWeekDown() {
    waitForReportsComplete();
    harbour = harbour.restartAfter(() -> harbour.clock().advance(Duration.ofDays(7)));
    ReportWriter.CatchUp catchUp = RunningHarbour.await(harbour.harbour().services().reports().writer().caughtUp());
    assertTrue(catchUp.everyConversation());
    assertTrue(catchUp.conversations() > harbour.harbour().services().chat().conversations().size(), "resting history included");
    waitForReportsComplete();
  }

  @Test
  @DisplayName("Reports lost are folded again at start, resting conversations from their snapshots' summaries, without loading them")
  void reportsCatchUpRestingConversations() {
    long lastSeq = harbour.harbour().services().chat().peek(jay).orElseThrow().lastSeq();
    MongoClient store = harbour.harbour().services().store().client();
    eventually(() -> store.findOne("report_progress", new JsonObject().put("_id", jay), null).toCompletionStage().toCompletableFuture().join(),
        doc -> doc != null && doc.getLong("seq") == lastSeq);
    harbour = harbour.restartAfter(() -> {
      Vertx vertx = Vertx.vertx();
      try (EmbeddedStore stopped = EmbeddedStore.start(harbour.dataDir().resolve("harbour.mv.db"));
          DirectClient direct = DirectClient.open(vertx, stopped.connectionString(), "harbour")) {
        MongoClient mongo = direct.mongo();
        RunningHarbour.await(mongo.removeDocuments("report_progress", new JsonObject()));
        stopped.commit();
      } finally {
        RunningHarbour.await(vertx.close());
      }
    });

    assertTrue(RunningHarbour.await(harbour.harbour().services().reports().writer().caughtUp()).everyConversation());
    JsonObject progress = RunningHarbour.await(harbour.harbour().services().store().client().findOne("report_progress", new JsonObject().put("_id", jay), null));
    assertEquals(lastSeq, progress.getLong("seq"), "folded up to its last message");
    assertTrue(harbour.harbour().services().chat().peek(jay).isEmpty(), "still resting");
  }

  /** Waits until the reports' writer has marked them complete as of now (it renews the mark on a flush, every 2 s). */
  private void waitForReportsComplete() {
    MongoClient store = harbour.harbour().services().store().client();
    java.time.Instant now = harbour.clock().instant();
    eventually(() -> store.findOne("report_progress", new JsonObject().put("_id", "#complete"), null).toCompletionStage().toCompletableFuture().join(),
        doc -> doc != null && !Documents.instant(doc, "at").isBefore(now));
  }

  private JsonObject mark(String conversationId) {
    return RunningHarbour.await(harbour.harbour().services().store().client().findOne("active_conversations", new JsonObject().put("_id", conversationId), null));
  }
}
