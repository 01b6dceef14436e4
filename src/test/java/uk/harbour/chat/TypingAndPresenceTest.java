package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
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

@DisplayName("Typing indicators and staff presence over real WebSockets")
@Timeout(60)
class TypingAndPresenceTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;
  private static TestSession jay;
  private static String jayId;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    sam = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    jayId = invite.getString("careLeaverId");
    jay = fixtures.joined(invite, "jay-typing");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("Typing reaches the other side, not the sender, at most once per two seconds, and is never stored")
  void typing() {
    try (TestSocket young = TestSocket.connect(harbour, jay); TestSocket adviser = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      adviser.next("welcome");
      // Staff see a conversation's typing once they have opened it.
      adviser.send(new JsonObject().put("type", "resume").put("conversationId", jayId).put("afterSeq", 0));
      adviser.next("history");

      young.send(new JsonObject().put("type", "typing"));
      JsonObject typing = adviser.next("typing");
      assertEquals(jayId, typing.getString("conversationId"));
      assertEquals("care_leaver", typing.getJsonObject("from").getString("role"));
      assertFalse(young.arrivesBefore(f -> "typing".equals(f.getString("type")), Barrier.history()), "not echoed to the sender");

      young.send(new JsonObject().put("type", "typing"));
      // The young person's barrier first: only then has the server acted on their typing frame.
      young.sync(Barrier.history());
      assertFalse(adviser.arrivesBefore(f -> "typing".equals(f.getString("type")), Barrier.queue()), "a second one within 2 s is dropped");

      adviser.send(new JsonObject().put("type", "typing").put("conversationId", jayId));
      assertEquals("adviser", young.next("typing").getJsonObject("from").getString("role"));

      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      assertTrue(young.next("history").getJsonArray("messages").isEmpty(), "typing is not stored");
    }
  }

  @Test
  @DisplayName("Staff presence changes reach every console; a care leaver may not set presence or see it; a bad status is refused")
  void presence() {
    TestSession priyaSession = fixtures.signedIn("priya");
    try (TestSocket priya = TestSocket.connect(harbour, priyaSession); TestSocket young = TestSocket.connect(harbour, jay)) {
      priya.next("welcome");
      young.next("welcome");
      try (TestSocket adviser = TestSocket.connect(harbour, sam)) {
        adviser.next("welcome");
        JsonObject joined = priya.next(f -> "presence".equals(f.getString("type")) && "sam".equals(f.getString("username")));
        assertTrue(joined.getBoolean("connected"));
        adviser.send(new JsonObject().put("type", "presence").put("status", "away"));
        JsonObject away = priya.next(f -> "presence".equals(f.getString("type")) && "away".equals(f.getString("status")));
        assertEquals("sam", away.getString("username"));
        adviser.send(new JsonObject().put("type", "presence").put("status", "asleep"));
        assertEquals("bad_frame", adviser.next("error").getString("code"));
      }
      JsonObject left = priya.next(f -> "presence".equals(f.getString("type")) && "sam".equals(f.getString("username")) && !f.getBoolean("connected"));
      assertEquals("away", left.getString("status"));
      young.send(new JsonObject().put("type", "presence").put("status", "available"));
      assertEquals("forbidden", young.next("error").getString("code"));
      assertFalse(young.arrivesBefore(f -> "presence".equals(f.getString("type")), Barrier.history()), "care leavers never see staff presence");
    }
  }
}
