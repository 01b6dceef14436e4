package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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

@DisplayName("Which conversations' live messages a staff connection receives")
@Timeout(120)
class StaffFollowTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;
  private static TestSession priya;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 500)));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    sam = fixtures.signedIn("sam");
    priya = fixtures.signedIn("priya");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static TestSocket staffSocket(TestSession session) {
    TestSocket socket = TestSocket.connect(harbour, session);
    socket.next("welcome");
    return socket;
  }

  private static Predicate<JsonObject> messageIn(String conversationId, String text) {
    return f -> "message".equals(f.getString("type"))
        && conversationId.equals(f.getJsonObject("message").getString("conversationId"))
        && text.equals(f.getJsonObject("message").getString("text"));
  }

  /**
   * This conversation's update naming its adviser: the class shares one server, so another test's
   * conversation may be updated meanwhile, and matching the adviser alone let a test go on before
   * its own transfer was done.
   */
  private static Predicate<JsonObject> assignedTo(String conversationId, String adviser) {
    return f -> "conversation".equals(f.getString("type"))
        && conversationId.equals(f.getJsonObject("conversation").getString("id"))
        && adviser.equals(f.getJsonObject("conversation").getString("assignedTo"));
  }

  private static void resume(TestSocket socket, String conversationId) {
    socket.send(new JsonObject().put("type", "resume").put("conversationId", conversationId).put("afterSeq", 0));
    socket.next(f -> "history".equals(f.getString("type")) && conversationId.equals(f.getString("conversationId")) && f.getBoolean("complete"));
  }

  /** Posts a message from a second connection, and waits for its ack. */
  private static void post(TestSocket from, String conversationId, String text, String kind) {
    String clientId = UUID.randomUUID().toString();
    from.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", clientId).put("text", text).put("kind", kind));
    from.next(f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")));
  }

  @Test
  @DisplayName("messages arrive only after resume or send for that conversation; history and the queue update do not subscribe")
  void onlyAfterResume() {
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    String jay = invite.getString("careLeaverId");
    try (TestSocket young = TestSocket.connect(harbour, fixtures.joined(invite, "jay-follow")); TestSocket console = staffSocket(sam)) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "f1").put("text", "first"));
      young.next("ack");
      console.next(f -> "conversation".equals(f.getString("type")) && jay.equals(f.getJsonObject("conversation").getString("id")));
      assertFalse(console.arrivesBefore(messageIn(jay, "first"), Barrier.queue()), "no live message before resume, only the queue update");

      console.send(new JsonObject().put("type", "history").put("conversationId", jay));
      console.next("history");
      young.send(new JsonObject().put("type", "send").put("clientId", "f2").put("text", "second"));
      young.next("ack");
      assertFalse(console.arrivesBefore(messageIn(jay, "second"), Barrier.queue()), "history does not subscribe");

      resume(console, jay);
      young.send(new JsonObject().put("type", "send").put("clientId", "f3").put("text", "third"));
      young.next("ack");
      console.next(messageIn(jay, "third"));
    }
    JsonObject other = fixtures.careLeaver(sam, "Kit");
    String kit = other.getString("careLeaverId");
    try (TestSocket young = TestSocket.connect(harbour, fixtures.joined(other, "kit-follow")); TestSocket console = staffSocket(sam)) {
      young.next("welcome");
      post(console, kit, "hello Kit", "text");
      young.send(new JsonObject().put("type", "send").put("clientId", "k1").put("text", "hi back"));
      young.next("ack");
      console.next(messageIn(kit, "hi back"));
    }
  }

  @Test
  @DisplayName("a connection follows at most 50 conversations: the 51st drops the one resumed longest ago, and a new resume brings it back")
  void fiftyConversations() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= FollowedConversations.LIMIT; i++) {
      ids.add(fixtures.careLeaver(sam, "Person" + i).getString("careLeaverId"));
    }
    try (TestSocket console = staffSocket(sam); TestSocket writer = staffSocket(sam)) {
      ids.forEach(id -> resume(console, id));
      String first = ids.get(0);
      String second = ids.get(1);
      String last = ids.get(ids.size() - 1);
      post(writer, first, "to the first", "note");
      post(writer, second, "to the second", "note");
      post(writer, last, "to the last", "note");
      console.next(messageIn(second, "to the second"));
      console.next(messageIn(last, "to the last"));
      assertFalse(console.arrivesBefore(messageIn(first, "to the first"), Barrier.queue()), "the first conversation resumed was dropped");

      resume(console, first);
      post(writer, first, "first again", "note");
      post(writer, second, "second again", "note");
      console.next(messageIn(first, "first again"));
      assertFalse(console.arrivesBefore(messageIn(second, "second again"), Barrier.queue()), "now the second is the one resumed longest ago");
    }
  }

  @Test
  @DisplayName("a followed conversation's messages stop once the adviser may no longer read it")
  void stopsWithAccess() {
    JsonObject invite = fixtures.careLeaver(priya, "Lou");
    String lou = invite.getString("careLeaverId");
    try (TestSocket pa = staffSocket(priya); TestSocket console = staffSocket(sam)) {
      pa.send(new JsonObject().put("type", "transfer").put("conversationId", lou).put("to", "sam"));
      pa.next(assignedTo(lou, "sam"));
      resume(console, lou);
      post(pa, lou, "while Sam has it", "note");
      console.next(messageIn(lou, "while Sam has it"));

      pa.send(new JsonObject().put("type", "transfer").put("conversationId", lou).put("to", "priya"));
      pa.next(assignedTo(lou, "priya"));
      post(pa, lou, "private to Priya now", "note");
      assertFalse(console.arrivesBefore(messageIn(lou, "private to Priya now"), Barrier.queue()), "Sam no longer reads Lou's conversation");
      console.send(new JsonObject().put("type", "resume").put("conversationId", lou).put("afterSeq", 0));
      assertEquals("not_found", console.next("error").getString("code"), "and may not resume it: answered like a missing id");
    }
  }
}
