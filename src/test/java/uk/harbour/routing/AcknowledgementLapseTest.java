package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * "I've got this" lasts only while whoever said it holds the conversation, and from someone who
 * does not hold it (a manager's, while nobody does) only {@code routing.acknowledgementMinutes}.
 */
class AcknowledgementLapseTest extends WednesdayEveningTestBase {

  private List<Message> escalations(String id) {
    return stored(id, MessageKind.ALERT).stream().filter(m -> m.event() != null && "escalated".equals(m.event().type())).toList();
  }

  /** Jay writes at 18:02, Ali gets it, the first alert goes at 18:12 and Ali says "I've got this". */
  private void aliAcknowledges(YoungPerson jay, TestSocket young, TestSocket ali) {
    clock.setLocal("2026-11-25T18:02");
    say(young, "please can someone reply");
    eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
    sweepAt("18:12");
    assertEquals(1, conversation(jay.id()).escalationLevel(), "the first alert at the SLA");
    ali.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
    eventually(jay.id(), c -> "ali".equals(c.acknowledgedBy()));
  }

  @Test
  @DisplayName("an adviser acknowledges, then drops off unanswered: the ladder goes on from its rung and reaches Jo")
  void acknowledgedThenOffline() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    TestSocket ali = staffSocket("ali");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      aliAcknowledges(jay, young, ali);

      // Ali's laptop dies before she replies; Priya, also on call, is not signed in.
      clock.setLocal("2026-11-25T18:13");
      ali.close();
      Eventually.eventually(() -> harbour.harbour().services().staffPresence().of("ali").map(s -> s.connections() == 0).orElse(false));
      sweepAt("18:14:30");
      Conversation moved = conversation(jay.id());
      assertNull(moved.assignedTo(), "moved off the adviser who dropped off");
      assertNull(moved.acknowledgedBy(), "her acknowledgement went with it");
      assertEquals(1, escalations(jay.id()).size(), "no alert yet: the next is due five minutes after the first");

      sweepAt("18:17");
      List<Message> alerts = escalations(jay.id());
      assertEquals(2, alerts.size(), "the ladder goes on at its next step");
      Conversation after = conversation(jay.id());
      assertEquals(2, after.escalationLevel(), "from the rung it had reached, not from the start");
      assertTrue(after.awaitingReply());
      jo.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")) && f.getInteger("level") == 2);
    }
  }

  @Test
  @DisplayName("an adviser acknowledges, then transfers to someone else: alerts go on for the new holder's wait")
  void acknowledgedThenTransferred() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      aliAcknowledges(jay, young, ali);

      ali.send(new JsonObject().put("type", "transfer").put("conversationId", jay.id()).put("to", "priya"));
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      assertNull(conversation(jay.id()).acknowledgedBy(), "Priya has not said she has it");

      sweepAt("18:17");
      assertEquals(2, escalations(jay.id()).size());
    }
  }

  @Test
  @DisplayName("an acknowledgement by the adviser who keeps the conversation still stops the alerts")
  void acknowledgementHoldsWhileHeld() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      aliAcknowledges(jay, young, ali);
      sweepAt("18:40");
      assertEquals(1, escalations(jay.id()).size());
      assertEquals("ali", conversation(jay.id()).acknowledgedBy());
    }
  }

  @Test
  @DisplayName("a manager acknowledges a wait nobody holds, then goes home: 30 minutes on, still unanswered, the ladder goes on")
  void managersAcknowledgementRunsOut() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    // No adviser has Harbour open, so nobody is given Jay's message.
    TestSocket jo = staffSocket("jo");
    try (TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T18:02");
      say(young, "please can someone reply");
      sweepAt("18:12");
      assertEquals(1, conversation(jay.id()).escalationLevel(), "the first alert at the SLA");
      assertNull(conversation(jay.id()).assignedTo());
      clock.setLocal("2026-11-25T18:13");
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> "jo".equals(c.acknowledgedBy()));
      jo.close();

      sweepAt("18:42:59");
      assertEquals(1, escalations(jay.id()).size(), "Jo's acknowledgement holds the ladder back for 30 minutes");
      sweepAt("18:43");
      List<Message> alerts = escalations(jay.id());
      assertEquals(2, alerts.size(), "then, still unanswered, the next alert goes");
      assertTrue(alerts.get(1).text().contains("nobody has replied in the 30 minutes since Jo said \"I've got this\""), alerts.get(1).text());
      Conversation after = conversation(jay.id());
      assertEquals(2, after.escalationLevel(), "from the rung it had reached");
      assertNull(after.acknowledgedBy(), "the acknowledgement has run out");

      sweepAt("18:48");
      assertEquals(3, escalations(jay.id()).size(), "and the ladder repeats as usual until someone acknowledges or replies");
    }
  }
}
