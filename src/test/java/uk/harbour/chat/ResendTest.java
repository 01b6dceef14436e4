package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The clock stands still, so a used allowance stays used for the whole test. */
@DisplayName("A resend of a stored message is always acked, even past the account's allowance")
@Timeout(120)
class ResendTest {

  private static final int BURST = 3;

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", BURST)));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    sam = fixtures.signedIn("sam");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static JsonObject send(String clientId) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", "message " + clientId);
  }

  private static JsonObject answerTo(TestSocket socket, String clientId) {
    return socket.next(f -> ("ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")))
        || ("error".equals(f.getString("type")) && clientId.equals(f.getString("ref"))));
  }

  private record Sent(String conversationId, TestSession session, JsonObject firstAck) {}

  /** A young person who has used their whole allowance; the first message's ack is kept. */
  private static Sent allowanceUsedUp(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    TestSession session = fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6));
    JsonObject firstAck;
    try (TestSocket young = TestSocket.connect(harbour, session)) {
      young.next("welcome");
      young.send(send(name + "-0"));
      firstAck = answerTo(young, name + "-0");
      for (int i = 1; i < BURST; i++) {
        young.send(send(name + "-" + i));
        assertEquals("ack", answerTo(young, name + "-" + i).getString("type"));
      }
      young.send(send(name + "-new"));
      JsonObject refused = answerTo(young, name + "-new");
      assertEquals("rate_limited", refused.getString("code"), "a new message past the allowance");
      assertTrue(refused.getLong("retryAfterMs") > 0);
    }
    return new Sent(invite.getString("careLeaverId"), session, firstAck);
  }

  @Test
  @DisplayName("past the allowance a resend gets its ack with the same id and seq, on any connection, while new messages are refused")
  void resendPastTheAllowance() {
    Sent sent = allowanceUsedUp("Jay");
    try (TestSocket young = TestSocket.connect(harbour, sent.session())) {
      young.next("welcome");
      young.send(send("Jay-0"));
      JsonObject ack = answerTo(young, "Jay-0");
      assertEquals("ack", ack.getString("type"), ack.encode());
      assertEquals(sent.firstAck().getString("id"), ack.getString("id"));
      assertEquals(sent.firstAck().getLong("seq"), ack.getLong("seq"));
      young.send(send("Jay-another-new"));
      assertEquals("rate_limited", answerTo(young, "Jay-another-new").getString("code"), "the allowance is still used up");
    }
  }

  @Test
  @DisplayName("a resend the conversation no longer remembers is found in the store and acked, not refused")
  void resendOfAnOldMessage() {
    Sent sent = allowanceUsedUp("Kit");
    // 300 later messages with client ids push the first out of the conversation's recent memory.
    ChatService chat = harbour.harbour().services().chat();
    for (int i = 0; i < 300; i++) {
      RunningHarbour.await(chat.post(sent.conversationId(), new Message(sent.conversationId(), 0, 1, MessageKind.SYSTEM, "filler", "harbour",
          null, "Harbour", "filler-" + i, harbour.clock().instant(), null, null)));
    }
    try (TestSocket young = TestSocket.connect(harbour, sent.session())) {
      young.next("welcome");
      young.send(send("Kit-0"));
      JsonObject ack = answerTo(young, "Kit-0");
      assertEquals("ack", ack.getString("type"), ack.encode());
      assertEquals(sent.firstAck().getLong("seq"), ack.getLong("seq"));
    }
  }

  @Test
  @DisplayName("over HTTP, a card resent past the allowance is answered with the stored card, while a new card is 429")
  void cardResend() {
    JsonObject invite = fixtures.careLeaver(sam, "Lou");
    String lou = invite.getString("careLeaverId");
    String path = "/api/conversations/" + lou + "/cards";
    TestSession pa = sam;
    var first = pa.post(path, new JsonObject().put("entryId", "propel").put("clientId", "card-0"));
    assertEquals(201, first.statusCode(), first.bodyAsString());
    for (int i = 1; i < BURST; i++) {
      assertEquals(201, pa.post(path, new JsonObject().put("entryId", "propel").put("clientId", "card-" + i)).statusCode());
    }
    assertEquals(429, pa.post(path, new JsonObject().put("entryId", "propel").put("clientId", "card-new")).statusCode());
    var again = pa.post(path, new JsonObject().put("entryId", "propel").put("clientId", "card-0"));
    assertEquals(201, again.statusCode(), again.bodyAsString());
    assertEquals(first.bodyAsJsonObject().getJsonObject("message").getString("id"), again.bodyAsJsonObject().getJsonObject("message").getString("id"));
  }

  @Test
  @DisplayName("the per-connection frame limit counts every frame, resends too, and its refusal names the frame to send again")
  void connectionFrameLimit() {
    JsonObject invite = fixtures.careLeaver(sam, "Max");
    TestSession session = fixtures.joined(invite, "max-" + UUID.randomUUID().toString().substring(0, 6));
    try (TestSocket young = TestSocket.connect(harbour, session)) {
      young.next("welcome");
      young.send(send("Max-0"));
      assertEquals("ack", answerTo(young, "Max-0").getString("type"));
      int burst = Math.max(200, BURST);
      for (int i = 1; i < burst; i++) {
        young.send(new JsonObject().put("type", "typing"));
      }
      young.send(send("Max-0"));
      JsonObject refused = answerTo(young, "Max-0");
      assertEquals("rate_limited", refused.getString("code"), refused.encode());
      assertTrue(refused.getLong("retryAfterMs") > 0);
    }
  }
}
