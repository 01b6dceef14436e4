package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("The young person's 'Was this helpful?' answer over the socket")
@Timeout(120)
class FeedbackFrameTest {

  private RunningHarbour harbour;
  private Fixtures fixtures;
  private TestSession sam;
  private String jayId;
  private TestSession jay;

  @BeforeEach
  void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-25T10:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    sam = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    jayId = invite.getString("careLeaverId");
    jay = fixtures.joined(invite, "jay-" + UUID.randomUUID().toString().substring(0, 6));
  }

  @AfterEach
  void stop() {
    harbour.close();
  }

  private static JsonObject feedback(int episode, String answer) {
    return new JsonObject().put("type", "feedback").put("episode", episode).put("answer", answer);
  }

  private static JsonObject error(TestSocket socket) {
    return socket.next("error");
  }

  /** Jay writes, Sam answers and resolves: episode 1 is resolved. */
  private void resolvedEpisode(TestSocket young, TestSocket staff) {
    young.send(new JsonObject().put("type", "send").put("clientId", "a1").put("text", "Can I ask about my bursary?"));
    young.next("ack");
    staff.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "s1").put("text", "Of course, what would you like to know?"));
    staff.next("ack");
    staff.send(new JsonObject().put("type", "resolve").put("conversationId", jayId));
    young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getJsonObject("event") != null
        && "resolved".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
  }

  @Test
  @DisplayName("An answer after resolution is stored once as a message of that episode, and survives a restart")
  void answerIsStoredOnce() {
    try (TestSocket young = TestSocket.connect(harbour, jay); TestSocket staff = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      staff.next("welcome");
      young.send(feedback(1, "yes"));
      assertEquals("not_resolved", error(young).getString("code"), "nothing to answer before the episode is resolved");
      resolvedEpisode(young, staff);

      young.send(feedback(2, "yes"));
      assertEquals("not_resolved", error(young).getString("code"), "only the latest episode");
      young.send(feedback(1, "maybe"));
      assertEquals("bad_frame", error(young).getString("code"));
      young.send(new JsonObject().put("type", "feedback").put("answer", "yes"));
      assertEquals("missing_field", error(young).getString("code"));
      staff.send(feedback(1, "yes").put("conversationId", jayId));
      assertEquals("unknown_field", error(staff).getString("code"));
      staff.send(feedback(1, "yes"));
      assertEquals("forbidden", error(staff).getString("code"), "staff cannot answer for the young person");

      young.send(feedback(1, "not_really"));
      JsonObject stored = young.next(f -> "message".equals(f.getString("type"))
          && f.getJsonObject("message").getJsonObject("event") != null
          && "feedback".equals(f.getJsonObject("message").getJsonObject("event").getString("type"))).getJsonObject("message");
      assertEquals("not_really", stored.getJsonObject("event").getString("answer"));
      assertEquals(1, stored.getInteger("episode"));
      assertEquals("system", stored.getString("kind"));
      assertEquals("feedback:1", stored.getString("clientId"));

      young.send(feedback(1, "yes"));
      assertEquals("already_answered", error(young).getString("code"));
    }
    harbour = harbour.restart();
    try (TestSocket young = TestSocket.connect(harbour, jay)) {
      young.next("welcome");
      young.send(feedback(1, "yes"));
      assertEquals("already_answered", young.next("error").getString("code"), "the answer is in the store, not only in memory");
    }
    SignedIn reader = new SignedIn("sam", Role.ADVISER, "Sam", Fixtures.TEAM, harbour.clock().instant());
    List<Message> answers = RunningHarbour.await(harbour.harbour().services().chat().history(reader, jayId, Long.MAX_VALUE, 100)).stream()
        .filter(m -> m.event() instanceof ConversationEvent.Feedback).toList();
    assertEquals(1, answers.size());
    assertEquals(new ConversationEvent.Feedback("not_really"), answers.get(0).event());
    Conversation conv = harbour.harbour().services().chat().peek(jayId).orElseThrow();
    assertEquals(ConversationStatus.RESOLVED, conv.status(), "an answer does not reopen the conversation");
    assertFalse(conv.awaitingReply());
  }
}
