package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;

@DisplayName("Chat over real WebSockets")
@Timeout(120)
class ChatTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession pa;
  private static TestSession otherPa;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 500)));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    pa = fixtures.signedIn("sam");
    otherPa = fixtures.signedIn("priya");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private record YoungPerson(String id, TestSession session) {}

  private static YoungPerson youngPerson(String name) {
    JsonObject invite = fixtures.careLeaver(pa, name);
    return new YoungPerson(invite.getString("careLeaverId"), fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6)));
  }

  private static JsonObject send(String text, String clientId) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", text);
  }

  private static JsonObject sendTo(String conversationId, String text, String clientId) {
    return send(text, clientId).put("conversationId", conversationId);
  }

  /** Messages people wrote, leaving out what Harbour's routing adds (its out-of-hours reply). */
  private static JsonArray fromPeople(JsonArray messages) {
    return new JsonArray(messages.stream().map(JsonObject.class::cast).filter(m -> !"system".equals(m.getJsonObject("sender").getString("role"))).toList());
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  @DisplayName("A care leaver's message is acked after storing, reaches their PA, and the reply comes back")
  void roundTrip() {
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = TestSocket.connect(harbour, jay.session()); TestSocket adviser = TestSocket.connect(harbour, pa)) {
      JsonObject welcome = young.next("welcome");
      assertEquals(1, welcome.getInteger("v"));
      assertEquals("care_leaver", welcome.getJsonObject("user").getString("role"));
      adviser.next("welcome");
      adviser.send(new JsonObject().put("type", "resume").put("conversationId", jay.id()).put("afterSeq", 0));
      adviser.next("history");

      String clientId = id();
      young.send(send("Hi, I've been locked out of my flat", clientId));
      JsonObject ack = young.next("ack");
      assertEquals(clientId, ack.getString("clientId"));
      assertEquals(1L, ack.getLong("seq"));
      assertEquals(jay.id() + ":000000000001", ack.getString("id"));

      JsonObject delivered = adviser.next(f -> "message".equals(f.getString("type")));
      assertEquals("Hi, I've been locked out of my flat", delivered.getJsonObject("message").getString("text"));
      assertEquals("care_leaver", delivered.getJsonObject("message").getJsonObject("sender").getString("role"));

      adviser.send(sendTo(jay.id(), "Hi Jay, I'm here. Are you safe right now?", id()));
      long replySeq = adviser.next("ack").getLong("seq");
      assertTrue(replySeq > 1, "the reply comes after the care leaver's message");
      JsonObject reply = young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getLong("seq") == replySeq);
      assertEquals("Hi Jay, I'm here. Are you safe right now?", reply.getJsonObject("message").getString("text"));
      assertEquals("Sam", reply.getJsonObject("message").getJsonObject("sender").getString("displayName"));
    }
  }

  @Test
  @DisplayName("A young person's one address carries their conversation's frames and their sign-out: revoking access closes the open socket with 1008")
  void revokingClosesTheSocket() {
    YoungPerson rue = youngPerson("Rue");
    try (TestSocket young = TestSocket.connect(harbour, rue.session()); TestSocket adviser = TestSocket.connect(harbour, pa)) {
      young.next("welcome");
      adviser.next("welcome");
      adviser.send(sendTo(rue.id(), "Hello Rue", id()));
      long seq = adviser.next("ack").getLong("seq");
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getLong("seq") == seq);

      assertEquals(204, pa.post("/api/care-leavers/" + rue.id() + "/revoke", new JsonObject()).statusCode());
      assertEquals(ChatConnection.CLOSE_POLICY, young.awaitClose());
    }
  }

  @Test
  @DisplayName("Resending with the same client id is acked again with the same seq and stored once")
  void idempotentResend() {
    YoungPerson kim = youngPerson("Kim");
    try (TestSocket young = TestSocket.connect(harbour, kim.session())) {
      young.next("welcome");
      String clientId = id();
      young.send(send("same message", clientId));
      JsonObject first = young.next("ack");
      young.send(send("same message", clientId));
      JsonObject second = young.next("ack");
      assertEquals(first.getString("id"), second.getString("id"));
      assertEquals(first.getLong("seq"), second.getLong("seq"));
      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      JsonArray messages = fromPeople(young.next("history").getJsonArray("messages"));
      assertEquals(1, messages.size(), "stored once: " + messages);
    }
  }

  @Test
  @DisplayName("After a dropped connection the client resumes from its last seq and gets what it missed")
  void resume() {
    YoungPerson lee = youngPerson("Lee");
    TestSocket young = TestSocket.connect(harbour, lee.session());
    young.next("welcome");
    young.send(send("first", id()));
    young.next("ack");
    young.close();
    long lastSeq = 0;
    try (TestSocket adviser = TestSocket.connect(harbour, pa)) {
      adviser.next("welcome");
      for (int i = 1; i <= 3; i++) {
        adviser.send(sendTo(lee.id(), "reply " + i, id()));
        lastSeq = adviser.next("ack").getLong("seq");
      }
    }
    try (TestSocket back = TestSocket.connect(harbour, lee.session())) {
      JsonObject welcome = back.next("welcome");
      assertEquals(lastSeq, welcome.getJsonObject("conversation").getLong("lastSeq"));
      back.send(new JsonObject().put("type", "resume").put("afterSeq", 1));
      JsonObject history = back.next("history");
      JsonArray replies = fromPeople(history.getJsonArray("messages"));
      assertEquals(3, replies.size(), "the three replies (besides Harbour's own out-of-hours reply): " + replies);
      assertEquals("reply 1", replies.getJsonObject(0).getString("text"));
      assertTrue(history.getBoolean("complete"));
    }
  }

  @Test
  @DisplayName("Frames for someone else's conversation are refused, and private notes never reach the care leaver")
  void accessAndNotes() {
    YoungPerson ash = youngPerson("Ash");
    YoungPerson bo = youngPerson("Bo");
    try (TestSocket ashSocket = TestSocket.connect(harbour, ash.session()); TestSocket adviser = TestSocket.connect(harbour, pa)) {
      ashSocket.next("welcome");
      adviser.next("welcome");
      ashSocket.send(send("hello", id()).put("conversationId", bo.id()));
      assertEquals("forbidden", ashSocket.next("error").getString("code"));
      ashSocket.send(send("hello", id()));
      ashSocket.next("ack");
      adviser.send(sendTo(ash.id(), "Ash is worried about rent", id()).put("kind", "note"));
      adviser.next("ack");
      adviser.send(sendTo(ash.id(), "Hi Ash", id()));
      adviser.next("ack");
      assertFalse(
          ashSocket.arrivesBefore(f -> "message".equals(f.getString("type")) && "note".equals(f.getJsonObject("message").getString("kind")), Barrier.history()),
          "note delivered to the care leaver");
      ashSocket.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      JsonArray history = ashSocket.next("history").getJsonArray("messages");
      assertTrue(history.stream().map(JsonObject.class::cast).noneMatch(m -> "note".equals(m.getString("kind"))), "no note: " + history);
      assertEquals(2, fromPeople(history).size(), "Ash's message and Sam's reply: " + history);
      ashSocket.send(send("a note", id()).put("kind", "note"));
      assertEquals("forbidden", ashSocket.next("error").getString("code"));
    }
    try (TestSocket other = TestSocket.connect(harbour, otherPa)) {
      other.next("welcome");
      other.send(new JsonObject().put("type", "resume").put("conversationId", ash.id()).put("afterSeq", 0));
      assertEquals("not_found", other.next("error").getString("code"), "assigned to Sam, not Priya: answered like a missing id");
    }
  }

  @Test
  @DisplayName("Every malformed frame gets an error frame with a stable code and the connection keeps working")
  void malformedFrames() {
    YoungPerson max = youngPerson("Max");
    try (TestSocket young = TestSocket.connect(harbour, max.session())) {
      young.next("welcome");
      String[][] cases = {
        {"not json", "bad_json"},
        {"[1,2]", "bad_frame"},
        {"{}", "bad_frame"},
        {"{\"type\":\"dance\"}", "bad_frame"},
        {"{\"type\":\"send\",\"clientId\":\"a\",\"text\":\"x\",\"extra\":1}", "unknown_field"},
        {"{\"type\":\"send\",\"clientId\":\"a\",\"text\":{\"$gt\":\"\"}}", "bad_key"},
        {"{\"type\":\"send\",\"clientId\":\"a\",\"text\":42}", "wrong_type"},
        {"{\"type\":\"send\",\"text\":\"x\"}", "missing_field"},
        {"{\"type\":\"send\",\"clientId\":\"a b\",\"text\":\"x\"}", "bad_frame"},
        // The store's own form for records without one: a chosen one could be taken for a later record.
        {"{\"type\":\"send\",\"clientId\":\"system-2\",\"text\":\"x\"}", "bad_frame"},
        {"{\"type\":\"send\",\"clientId\":\"a\",\"text\":\"" + "x".repeat(4001) + "\"}", "too_long"},
        {"{\"type\":\"read\"}", "missing_field"},
        {"{\"type\":\"presence\",\"status\":\"available\"}", "forbidden"},
        {"{\"type\":\"resolve\",\"conversationId\":\"x\"}", "forbidden"},
        {"{\"type\":\"alertReceived\",\"conversationId\":\"x\"}", "missing_field"},
        {"{\"type\":\"alertReceived\",\"conversationId\":\"x\",\"seq\":0}", "out_of_range"},
        {"{\"type\":\"alertReceived\",\"conversationId\":\"x\",\"seq\":1}", "forbidden"},
      };
      for (String[] c : cases) {
        young.sendRaw(c[0]);
        assertEquals(c[1], young.next("error").getString("code"), c[0].length() > 60 ? c[0].substring(0, 60) : c[0]);
      }
      young.send(send("still here", id()));
      assertNotNull(young.next("ack").getLong("seq"), "the connection still works");
    }
  }

  @Test
  @DisplayName("A frame over 16 KiB closes the connection with 1009")
  void oversizedFrame() {
    YoungPerson zed = youngPerson("Zed");
    TestSocket young = TestSocket.connect(harbour, zed.session());
    young.next("welcome");
    young.socket().writeTextMessage("{\"type\":\"send\",\"text\":\"" + "x".repeat(20_000) + "\"}");
    assertEquals(1009, young.awaitClose());
    young.close();
  }

  @Test
  @DisplayName("A client that stops reading is closed with 4008 instead of growing server memory")
  void slowConsumer() {
    YoungPerson slow = youngPerson("Slow");
    TestSocket young = TestSocket.connect(harbour, slow.session(), harbour.baseUrl(), new io.vertx.core.http.WebSocketClientOptions().setReceiveBufferSize(4096));
    young.next("welcome");
    young.socket().pause();
    String big = new JsonObject().put("type", "message").put("message", new JsonObject().put("text", "x".repeat(10_000))).encode();
    for (int i = 0; i < 5_000 && !young.isClosed(); i++) {
      harbour.vertx().eventBus().publish(ChatAddresses.conversation(slow.id()), big);
    }
    young.socket().resume();
    assertEquals(ChatConnection.CLOSE_SLOW_CONSUMER, young.awaitClose());
    young.close();
  }

  @Test
  @DisplayName("A WebSocket from another origin or without a session is refused at the upgrade")
  void originAndSession() {
    YoungPerson eve = youngPerson("Eve");
    AssertionError wrongOrigin = null;
    try {
      TestSocket.connect(harbour, eve.session(), "https://evil.example", new io.vertx.core.http.WebSocketClientOptions()).close();
    } catch (IllegalStateException e) {
      assertTrue(e.getMessage().contains("403") || String.valueOf(e.getCause()).contains("403"), e.toString());
      wrongOrigin = new AssertionError("refused");
    }
    assertNotNull(wrongOrigin, "a foreign origin must be refused");
    boolean refused = false;
    try {
      TestSocket.connect(harbour, new TestSession(harbour)).close();
    } catch (IllegalStateException e) {
      refused = true;
    }
    assertTrue(refused, "no session, no socket");
  }

  @Test
  @DisplayName("Staff see the queue, resolve a conversation, and the next message opens a new episode")
  void queueResolveAndReopen() {
    YoungPerson rio = youngPerson("Rio");
    try (TestSocket young = TestSocket.connect(harbour, rio.session()); TestSocket adviser = TestSocket.connect(harbour, pa)) {
      young.next("welcome");
      adviser.next("welcome");
      young.send(send("can someone help with my bus pass", id()));
      young.next("ack");
      adviser.send(new JsonObject().put("type", "queue"));
      JsonObject queued =
          adviser.next("queue").getJsonArray("conversations").stream()
              .map(JsonObject.class::cast)
              .filter(c -> c.getString("id").equals(rio.id()))
              .findFirst()
              .orElseThrow();
      assertEquals("waiting", queued.getString("status"));
      assertEquals(1L, queued.getLong("unreadForStaff"));
      adviser.send(sendTo(rio.id(), "Yes! Let's sort it", id()));
      adviser.next("ack");
      adviser.send(new JsonObject().put("type", "resolve").put("conversationId", rio.id()));
      JsonObject resolved = young.next(f -> "message".equals(f.getString("type")) && "system".equals(f.getJsonObject("message").getString("kind")));
      assertEquals("resolved", resolved.getJsonObject("message").getJsonObject("event").getString("type"));
      young.send(send("one more thing", id()));
      young.next("ack");
      JsonObject reopened =
          adviser.next(f -> "conversation".equals(f.getString("type")) && f.getJsonObject("conversation").getString("id").equals(rio.id())
              && f.getJsonObject("conversation").getInteger("episode") == 2);
      assertEquals("waiting", reopened.getJsonObject("conversation").getString("status"));
    }
  }
}
