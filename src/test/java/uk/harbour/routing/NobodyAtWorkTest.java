package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * The "nobody at work" path end to end, as the young person and staff meet it: no shift and no
 * office hours (a weeknight after 23:00, a bank holiday, a weekend, across the clock change), with
 * the Wednesday-evening rota, whose only cover outside office hours is Wednesday evening.
 */
@Timeout(180)
class NobodyAtWorkTest extends WednesdayEveningTestBase {

  private final LogCapture escalationLog = LogCapture.of(Escalations.class);

  @AfterEach
  void closeLog() {
    escalationLog.close();
  }

  /** Harbour started on Wednesday (nobody on after 23:00), then the clock moved on to {@code local}; Sam signed in afresh. */
  private void nobodyAtWorkAt(String local) {
    startAt("23:30");
    clock.setLocal(local);
    sam = fixtures.signedIn("sam");
  }

  private void sweepAtLocal(String local) {
    clock.setLocal(local);
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
  }

  @Test
  @DisplayName("Risk at 02:00 with nobody at work: kind line, open-now crisis help, one honest reply, urgent and flagged, an ERROR and the metric; at 09:00 the PA gets the risk alert at once, it tops their queue, and the ladder runs on")
  void riskOnAWeeknight() {
    nobodyAtWorkAt("2026-11-26T01:00");
    YoungPerson ben = youngPerson("Ben");
    try (TestSocket young = careLeaverSocket(ben)) {
      say(young, "can someone ring me about my rent tomorrow");
      young.next(messageOf(MessageKind.AUTO_REPLY));
    }
    clock.setLocal("2026-11-26T02:00");
    sam = fixtures.signedIn("sam");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "i want to kill myself tonight");
      JsonObject kind = young.next(eventOf("safety_reply")).getJsonObject("message");
      assertTrue(kind.getString("text").contains("999"), kind.getString("text"));
      JsonObject honest = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertTrue(honest.getString("text").contains("nobody from the leaving care team is working right now"), honest.getString("text"));
      assertTrue(honest.getString("text").contains("The next person starts at 9am today"), honest.getString("text"));
      assertEquals("2026-11-26T09:00:00Z", honest.getJsonObject("event").getString("nextStaffedAt"));
      Conversation conv = eventually(jay.id(), c -> c.autoRepliedThisEpisode() && c.risk().flagged() && "urgent".equals(c.priority()));
      assertNull(conv.assignedTo());

      List<Message> cards = stored(jay.id(), MessageKind.CARD);
      assertFalse(cards.isEmpty(), "crisis help comes with the kind line");
      var signposting = harbour.harbour().services().signposting();
      for (Message card : cards) {
        var entry = signposting.entry(card.card().getString("entryId")).orElseThrow();
        assertTrue(entry.hours().isOpen(clock.instant(), signposting.holidays()), entry.id() + " is open at 02:00");
      }

      // The watcher is told: nobody on the rota can be.
      assertEquals(1, riskNobodyErrors(jay.id()), "an ERROR naming the conversation: " + escalationLog.lines());
      assertEquals(1, harbour.harbour().services().routing().unseenAlerts(), "counted in harbour_alerts_unseen_total");

      // Writing again while nobody is at work: no second reply, kind line, card or ERROR.
      say(young, "please");
      say(young, "i want to kill myself");
      say(young, "hello??");
      sweepAtLocal("2026-11-26T04:00");
      List<Message> all = stored(jay.id());
      assertEquals(1, all.stream().filter(m -> m.kind() == MessageKind.AUTO_REPLY).count(), "one honest reply");
      assertEquals(1, all.stream().filter(m -> m.event() instanceof ConversationEvent.SafetyReply).count(), "one kind line");
      assertEquals(cards.size(), stored(jay.id(), MessageKind.CARD).size(), "no card twice");
      assertEquals(1, riskNobodyErrors(jay.id()));
      assertTrue(stored(jay.id(), MessageKind.ALERT).stream().noneMatch(m -> m.event() instanceof ConversationEvent.Escalated), "nobody to alert");
    }

    sweepAtLocal("2026-11-26T08:59:59");
    assertEquals(0, conversation(jay.id()).escalationLevel(), "still nobody at work");
    try (TestSocket samSocket = staffSocket("sam")) {
      sweepAtLocal("2026-11-26T09:00");
      JsonObject alert = samSocket.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
      assertTrue(alert.getString("text").contains("may show they are at risk"), "the first person on is told it is about risk: " + alert.getString("text"));
      ConversationEvent.Escalated first = escalated(jay.id()).get(0);
      assertEquals("risk", first.cause());
      assertTrue(first.to().contains("sam"));
      assertTrue(escalated(ben.id()).isEmpty(), "an ordinary overnight wait is not an alarm the moment the PA comes on");

      samSocket.send(new JsonObject().put("type", "queue"));
      JsonArray queue = samSocket.next("queue").getJsonArray("conversations");
      assertEquals(jay.id(), queue.getJsonObject(0).getString("id"), "the flagged conversation is first: " + queue.encode());
      assertEquals("sam", conversation(jay.id()).assignedTo(), "and it is routed to the PA");

      sweepAtLocal("2026-11-26T09:04:59");
      assertEquals(1, escalated(jay.id()).size());
      sweepAtLocal("2026-11-26T09:05");
      assertEquals(2, escalated(jay.id()).size(), "the ladder runs from the first person's arrival");
    }
  }

  @Test
  @DisplayName("An ordinary message at 02:00: one honest reply naming 9am, none again however often they write; at 09:00 it goes to the PA and the SLA counts from 09:00")
  void ordinaryOnAWeeknight() {
    nobodyAtWorkAt("2026-11-26T02:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there?");
      JsonObject honest = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertEquals("2026-11-26T09:00:00Z", honest.getJsonObject("event").getString("nextStaffedAt"));
      eventually(jay.id(), Conversation::autoRepliedThisEpisode);
      int cards = stored(jay.id(), MessageKind.CARD).size();
      assertTrue(cards > 0, "open-now help with the honest reply");
      for (String text : List.of("hello?", "anyone", "ok")) {
        say(young, text);
      }
      sweepAtLocal("2026-11-26T03:00");
      assertEquals(1, stored(jay.id(), MessageKind.AUTO_REPLY).size(), "once per episode");
      assertEquals(cards, stored(jay.id(), MessageKind.CARD).size(), "no card twice");
      assertFalse(young.arrivesWithin(messageOf(MessageKind.AUTO_REPLY), 300));
    }
    try (TestSocket samSocket = staffSocket("sam")) {
      sweepAtLocal("2026-11-26T09:00");
      assertEquals("sam", conversation(jay.id()).assignedTo(), "routed to the PA as office hours start");
      assertTrue(escalated(jay.id()).isEmpty(), "the PA has the SLA to reply, from 09:00");
      sweepAtLocal("2026-11-26T09:09:59");
      assertTrue(escalated(jay.id()).isEmpty());
      sweepAtLocal("2026-11-26T09:10");
      assertEquals(1, escalated(jay.id()).size(), "first alert 10 minutes after someone came on");
    }
  }

  @Test
  @DisplayName("Christmas: the honest reply names Tuesday across the bank holidays and the weekend; risk on Christmas morning alerts the PA at once on Tuesday at 9am")
  void christmas() {
    nobodyAtWorkAt("2026-12-24T23:30");
    YoungPerson ben = youngPerson("Ben");
    try (TestSocket young = careLeaverSocket(ben)) {
      say(young, "merry christmas, can you call me after");
      JsonObject honest = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertTrue(honest.getString("text").contains("The next person starts at 9am on Tuesday 29 December"), honest.getString("text"));
      assertEquals("2026-12-29T09:00:00Z", honest.getJsonObject("event").getString("nextStaffedAt"));
    }
    clock.setLocal("2026-12-25T10:00");
    sam = fixtures.signedIn("sam");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "my stepdad hit me and i have nowhere to sleep tonight");
      young.next(eventOf("safety_reply"));
      JsonObject honest = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertEquals("2026-12-29T09:00:00Z", honest.getJsonObject("event").getString("nextStaffedAt"), "no office hours on a bank holiday morning");
      eventually(jay.id(), c -> c.risk().flagged());
      assertEquals(1, riskNobodyErrors(jay.id()), escalationLog.lines().toString());
    }
    sweepAtLocal("2026-12-28T10:00");
    assertTrue(escalated(jay.id()).isEmpty(), "the substitute bank holiday has no office hours either");
    try (TestSocket samSocket = staffSocket("sam")) {
      sweepAtLocal("2026-12-29T09:00");
      assertEquals("risk", escalated(jay.id()).get(0).cause(), "the risk alert, at once");
      assertTrue(escalated(ben.id()).isEmpty());
      sweepAtLocal("2026-12-29T09:10");
      assertEquals(1, escalated(ben.id()).size(), "the ordinary wait's SLA counts from Tuesday 9am");
    }
  }

  @Test
  @DisplayName("Across the spring clock change: risk on Saturday night is alerted at 9am BST on Monday, not an hour late")
  void springForward() {
    nobodyAtWorkAt("2026-03-28T02:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "i took a whole packet of pills");
      young.next(eventOf("safety_reply"));
      JsonObject honest = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertEquals("2026-03-30T08:00:00Z", honest.getJsonObject("event").getString("nextStaffedAt"), "9am BST");
      assertTrue(honest.getString("text").contains("at 9am on Monday 30 March"), honest.getString("text"));
      eventually(jay.id(), c -> c.risk().flagged());
    }
    sweepAtLocal("2026-03-30T08:59:59");
    assertTrue(escalated(jay.id()).isEmpty());
    try (TestSocket samSocket = staffSocket("sam")) {
      sweepAtLocal("2026-03-30T09:00");
      assertEquals("risk", escalated(jay.id()).get(0).cause());
    }
  }

  private List<ConversationEvent.Escalated> escalated(String id) {
    return stored(id, MessageKind.ALERT).stream()
        .filter(m -> m.event() instanceof ConversationEvent.Escalated)
        .map(m -> (ConversationEvent.Escalated) m.event())
        .toList();
  }

  private long riskNobodyErrors(String conversationId) {
    return escalationLog.lines().stream()
        .filter(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains(conversationId)
            && line.getFormattedMessage().contains("nobody is at work to alert"))
        .count();
  }
}
