package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;
import uk.harbour.testing.WednesdayEveningTestBase;

@DisplayName("Rota-aware routing against a running Harbour with a controlled clock")
class RoutingTest extends WednesdayEveningTestBase {

  @Test
  @DisplayName("In office hours the care leaver's own PA gets the conversation, and the care leaver is told who has it")
  void ownPaInOfficeHours() {
    startAt("10:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "Hi, can I talk about college?");
      JsonObject told = young.next(messageOf(MessageKind.SYSTEM)).getJsonObject("message");
      assertEquals("assigned", told.getJsonObject("event").getString("type"));
      assertEquals("own_pa", told.getJsonObject("event").getString("reason"));
      assertTrue(told.getString("text").startsWith("Sam, your personal adviser"), told.getString("text"));
      assertEquals("Sam", young.next("oncall").getJsonObject("onCall").getString("talkingWith"));
      assertEquals("sam", conversation(jay.id()).assignedTo());
    }
  }

  @Test
  @DisplayName("Out of hours the on-call adviser with fewest active conversations gets it; a tie goes to whoever waited longest for work")
  void leastLoadedOnCall() {
    startAt("18:00");
    YoungPerson a = youngPerson("Amy");
    YoungPerson b = youngPerson("Ben");
    YoungPerson c = youngPerson("Cal");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya")) {
      try (TestSocket amy = careLeaverSocket(a)) {
        say(amy, "hello");
        // Sam is connected and is Amy's PA, but he is not on shift at 18:00.
        assertEquals("ali", eventually(a.id(), conv -> conv.assignedTo() != null).assignedTo(), "tie at 0, neither assigned before: rota order");
      }
      clock.advance(Duration.ofMinutes(1));
      try (TestSocket ben = careLeaverSocket(b)) {
        say(ben, "hello");
        assertEquals("priya", eventually(b.id(), conv -> conv.assignedTo() != null).assignedTo(), "Priya has fewer active");
      }
      clock.advance(Duration.ofMinutes(1));
      try (TestSocket cal = careLeaverSocket(c)) {
        say(cal, "hello");
        assertEquals("ali", eventually(c.id(), conv -> conv.assignedTo() != null).assignedTo(), "one each: Ali was given work longer ago");
      }
    }
  }

  @Test
  @DisplayName("With nobody on shift the care leaver gets one honest reply per episode saying when someone is next on, with open-now help cards")
  void honestAutoReply() {
    startAt("23:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there?");
      JsonObject reply = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertTrue(reply.getString("text").contains("nobody from the leaving care team is working right now"), reply.getString("text"));
      assertTrue(reply.getString("text").contains("at 9am tomorrow"), reply.getString("text"));
      assertEquals("2026-11-26T09:00:00Z", reply.getJsonObject("event").getString("nextStaffedAt"));
      JsonObject onCall = young.next("oncall").getJsonObject("onCall");
      assertNull(onCall.getValue("now"));
      assertEquals("2026-11-26T09:00:00Z", onCall.getString("nextAt"));
      assertEquals(1, onCall.getInteger("queuePosition"));

      List<Message> cards = stored(jay.id(), MessageKind.CARD);
      assertFalse(cards.isEmpty(), "help that is open now comes with the reply");
      var signposting = harbour.harbour().services().signposting();
      for (Message card : cards) {
        var entry = signposting.entry(card.card().getString("entryId")).orElseThrow();
        assertTrue(entry.hours().isOpen(clock.instant(), signposting.holidays()), entry.id() + " is open at 23:30");
        assertNull(card.senderRole(), "sent by Harbour, not counted as a reply");
      }
      assertEquals("crisis", signposting.entry(cards.get(0).card().getString("entryId")).orElseThrow().category().name().toLowerCase(), "crisis help first");
      assertNull(conversation(jay.id()).assignedTo());

      say(young, "hello?");
      // A timed wait: routing decides after the ack, and nothing the care leaver can send is answered after it.
      assertFalse(young.arrivesWithin(messageOf(MessageKind.AUTO_REPLY), 500), "only one auto-reply per episode");
      assertEquals(1, stored(jay.id(), MessageKind.AUTO_REPLY).size());
    }
  }

  @Test
  @DisplayName("When everyone on shift is busy the care leaver is told they are queued, and the next adviser free takes them")
  void everyoneBusyThenFree() {
    startAt("22:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      say(young, "hello");
      JsonObject reply = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertEquals("everyone_busy", reply.getJsonObject("event").getString("reason"));
      assertNull(conversation(jay.id()).assignedTo());

      setStatus(priya, "priya", "available");
      sweepAt("22:31");
      assertEquals("priya", conversation(jay.id()).assignedTo());
    }
  }

  @Test
  @DisplayName("An unanswered wait alerts the backup exactly at the SLA, then the duty manager, and stops when someone acknowledges")
  void escalationLadder() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket samSocket = staffSocket("sam"); TestSocket jo = staffSocket("jo");
        TestSocket young = careLeaverSocket(jay)) {
      say(young, "please can someone reply");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));

      sweepAt("18:09:59.999");
      assertEquals(0, conversation(jay.id()).escalationLevel(), "a millisecond before the SLA: no alert");

      sweepAt("18:10");
      Conversation first = conversation(jay.id());
      assertEquals(1, first.escalationLevel(), "exactly at the SLA");
      assertTrue(first.escalatedTo().containsAll(List.of("ali", "sam")), "the adviser and the backup: " + first.escalatedTo());
      assertFalse(first.escalatedTo().contains("jo"));
      JsonObject alert = samSocket.next("alert");
      assertEquals(jay.id(), alert.getString("conversationId"));
      assertEquals(1, alert.getInteger("level"));

      sweepAt("18:14");
      assertEquals(1, conversation(jay.id()).escalationLevel(), "the repeat is not due yet");
      sweepAt("18:15");
      assertEquals(2, conversation(jay.id()).escalationLevel());
      assertEquals(2, jo.next("alert").getInteger("level"), "the duty manager hears at the second rung");

      samSocket.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      Conversation taken = eventually(jay.id(), c -> "sam".equals(c.assignedTo()));
      assertEquals("sam", taken.acknowledgedBy(), "the backup who acknowledged takes the conversation");
      young.next(f -> "message".equals(f.getString("type")) && "assigned".equals(f.getJsonObject("message").getJsonObject("event", new JsonObject()).getString("type"))
          && "sam".equals(f.getJsonObject("message").getJsonObject("event").getString("to")));

      sweepAt("18:40");
      assertEquals(2, conversation(jay.id()).escalationLevel(), "no alerts after an acknowledgement");
      assertEquals(2, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> "escalated".equals(m.event().type())).count(),
          "each step recorded once");
      assertFalse(young.arrivesBefore(messageOf(MessageKind.ALERT), Barrier.history()), "alerts are for staff only");
    }
  }

  @Test
  @DisplayName("A new message in a conversation an adviser already holds and answered escalates like a new one: the adviser and the backup, then the duty manager")
  void assignedConversationWaitsAgain() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket samSocket = staffSocket("sam"); TestSocket jo = staffSocket("jo");
        TestSocket young = careLeaverSocket(jay)) {
      say(young, "hi, it's about my flat");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:01");
      reply(ali, jay.id(), "Hi Jay, I'm here. What's happened?", "text");
      eventually(jay.id(), c -> c.waitingSince() == null);

      clock.setLocal("2026-11-25T18:05");
      say(young, "the landlord says I have to move out");
      Conversation waiting = eventually(jay.id(), Conversation::awaitingReply);
      assertEquals("active", waiting.status().name().toLowerCase(), "still Ali's, answered before");

      sweepAt("18:14:59.999");
      assertEquals(0, conversation(jay.id()).escalationLevel(), "the wait is timed from the new message");
      sweepAt("18:15");
      Conversation alerted = conversation(jay.id());
      assertEquals(1, alerted.escalationLevel());
      assertEquals(java.util.Set.of("ali", "sam"), alerted.escalatedTo(), "the adviser who has it, and the backup");
      assertEquals(1, ali.next("alert").getInteger("level"));
      assertEquals(1, samSocket.next("alert").getInteger("level"));

      sweepAt("18:20");
      assertEquals(2, jo.next("alert").getInteger("level"), "then the duty manager, as for a new conversation");

      clock.setLocal("2026-11-25T18:21");
      reply(ali, jay.id(), "I'm calling you now", "text");
      sweepAt("18:40");
      assertEquals(0, conversation(jay.id()).escalationLevel(), "a staff reply ends the wait and resets the ladder");
    }
  }

  @Test
  @DisplayName("With the on-call advisers and the backup all off sick, the first alert skips the empty rung and reaches the duty manager at the SLA")
  void emptiedShiftReachesDutyManager() {
    startAt("18:00");
    JsonObject rota = Rotas.wednesdayEvening().put("overrides", new JsonArray()
        .add(sickness("ali-off", "ali"))
        .add(sickness("priya-off", "priya"))
        .add(sickness("sam-off", "sam")));
    Rotas.use(harbour, rota);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      JsonObject onCall = harbour.harbour().services().routing().view().forStaff();
      assertEquals(new JsonArray(), onCall.getJsonArray("onCall"), onCall.encode());
      say(young, "is anyone there? I'm scared");
      JsonObject reply = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message");
      assertEquals("nobody_on_shift", reply.getJsonObject("event").getString("reason"));

      sweepAt("18:10");
      JsonObject alert = jo.next("alert");
      assertEquals(2, alert.getInteger("level"), "the empty backup rung is skipped at once");
      Message stored = stored(jay.id(), MessageKind.ALERT).get(0);
      assertEquals(List.of("duty_manager"), ((ConversationEvent.Escalated) stored.event()).rungs());
      assertEquals(List.of("jo"), ((ConversationEvent.Escalated) stored.event()).to());

      sweepAt("18:15");
      assertEquals(3, jo.next("alert").getInteger("level"), "and the alert repeats until someone acts");
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> "jo".equals(c.acknowledgedBy()));
      sweepAt("18:30");
      assertEquals(3, conversation(jay.id()).escalationLevel(), "no alerts after an acknowledgement");
    }
  }

  @Test
  @DisplayName("In office hours an unanswered message alerts the own PA and the office-hours duty manager")
  void officeHoursSecondRung() {
    startAt("10:00");
    JsonObject rota = Rotas.wednesdayEvening();
    rota.getJsonArray("officeHours").getJsonObject(0).put("dutyManager", "jo");
    Rotas.use(harbour, rota);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "can you call me");
      eventually(jay.id(), c -> "sam".equals(c.assignedTo()));
      sweepAt("10:10");
      assertEquals(java.util.Set.of("sam", "jo"), conversation(jay.id()).escalatedTo());
      assertEquals(jay.id(), samSocket.next("alert").getString("conversationId"));
      JsonObject alert = jo.next("alert");
      assertTrue(alert.getString("text").startsWith("Jay has waited 10 minutes for a reply."), alert.getString("text"));
    }
  }

  @Test
  @DisplayName("Young people see staff by first name only: the alert text says 1 minute, and 'Lee' takes over and resolves, never 'Lee Hart'")
  void firstNamesAndPlainCounts() {
    startAt("18:00");
    fixtures.staff("lee", "Lee Hart", Role.ADVISER);
    JsonObject rota = Rotas.wednesdayEvening();
    rota.getJsonArray("templates").getJsonObject(0).put("backup", "lee");
    Rotas.use(harbour, rota);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket lee = staffSocket("lee"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hello");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:10");
      reply(ali, jay.id(), "Hi Jay", "text");
      clock.setLocal("2026-11-25T18:11");
      say(young, "are you still there");
      sweepAt("18:21:30");
      JsonObject alert = lee.next("alert");
      assertTrue(alert.getString("text").startsWith("Jay has waited 10 minutes"), alert.getString("text"));

      lee.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      JsonObject taken = young.next(f -> messageOf(MessageKind.SYSTEM).test(f)
          && "acknowledged".equals(f.getJsonObject("message").getJsonObject("event").getString("reason"))).getJsonObject("message");
      assertEquals("You are now talking with Lee.", taken.getString("text"));
      reply(lee, jay.id(), "Hi Jay, Lee here", "text");
      JsonObject said = young.next(f -> messageOf(MessageKind.TEXT).test(f) && "Hi Jay, Lee here".equals(f.getJsonObject("message").getString("text")));
      assertEquals("Lee", said.getJsonObject("message").getJsonObject("sender").getString("displayName"), "live");
      lee.send(new JsonObject().put("type", "typing").put("conversationId", jay.id()));
      assertEquals("Lee", young.next("typing").getJsonObject("from").getString("displayName"));
      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      assertTrue(young.next("history").getJsonArray("messages").stream().map(JsonObject.class::cast)
          .filter(m -> "lee".equals(m.getJsonObject("sender").getString("id")))
          .allMatch(m -> "Lee".equals(m.getJsonObject("sender").getString("displayName"))), "in history too");
      assertEquals("Lee Hart", stored(jay.id(), MessageKind.TEXT).stream().filter(m -> "lee".equals(m.senderId())).findFirst().orElseThrow().senderName(),
          "staff still see the whole name");
      lee.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      JsonObject resolved = young.next(f -> messageOf(MessageKind.SYSTEM).test(f)
          && "resolved".equals(f.getJsonObject("message").getJsonObject("event").getString("type"))).getJsonObject("message");
      assertEquals("Lee marked this conversation as resolved. Send a message any time to start again.", resolved.getString("text"));
    }
  }

  @Test
  @DisplayName("With a one-minute SLA the alert says '1 minute', not '1 minutes'")
  void oneMinute() {
    startAt("18:00", new JsonObject().put("slaMinutes", 1));
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hello");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      sweepAt("18:01");
      JsonObject alert = ali.next("alert");
      assertTrue(alert.getString("text").startsWith("Jay has waited 1 minute for a reply."), alert.getString("text"));
    }
  }

  private static JsonObject sickness(String id, String who) {
    return new JsonObject().put("id", id).put("kind", "SICKNESS").put("adviser", who).put("start", "2026-11-25T17:00").put("end", "2026-11-25T23:00");
  }

  @Test
  @DisplayName("A conversation staff mark urgent escalates after the urgent SLA; the young person is not told")
  void urgentEscalatesSooner() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "can someone call me back");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      ali.send(new JsonObject().put("type", "priority").put("conversationId", jay.id()).put("priority", "critical"));
      assertEquals("bad_frame", ali.next("error").getString("code"));
      young.send(new JsonObject().put("type", "priority").put("conversationId", jay.id()).put("priority", "urgent"));
      assertEquals("forbidden", young.next("error").getString("code"));
      ali.send(new JsonObject().put("type", "priority").put("conversationId", jay.id()).put("priority", "urgent"));
      eventually(jay.id(), c -> "urgent".equals(c.priority()));
      sweepAt("18:01:59");
      assertEquals(0, conversation(jay.id()).escalationLevel());
      sweepAt("18:02");
      assertEquals(1, conversation(jay.id()).escalationLevel(), "two minutes for an urgent wait");
      assertFalse(young.arrivesBefore(messageOf(MessageKind.ALERT), Barrier.history()), "the flag and the alert are staff-only");
    }
  }

  @Test
  @DisplayName("A reply before the SLA means nobody is alerted")
  void replyStopsEscalation() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hi");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:05");
      reply(ali, jay.id(), "Hi Jay, I'm here", "text");
      sweepAt("18:30");
      assertEquals(0, conversation(jay.id()).escalationLevel());
      assertTrue(stored(jay.id(), MessageKind.ALERT).isEmpty());
    }
  }

  @Test
  @DisplayName("At the end of a shift the conversation moves to the next adviser with the handover note, and the care leaver sees who they talk with now")
  void shiftEndHandover() {
    startAt("21:50");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "I can't pay my rent");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      reply(ali, jay.id(), "Let's sort it out", "text");
      reply(ali, jay.id(), "Rent arrears, 2 weeks. Call housing officer tomorrow.", "note");
      try (TestSocket priya = staffSocket("priya")) {
        sweepAt("21:59");
        assertEquals("ali", conversation(jay.id()).assignedTo(), "still Ali's shift");
        sweepAt("22:00");
        Conversation after = conversation(jay.id());
        assertEquals("priya", after.assignedTo());
        List<Message> notes = stored(jay.id(), MessageKind.NOTE);
        assertTrue(notes.get(notes.size() - 1).text().contains("Rent arrears, 2 weeks"), "the handover note goes with it: " + notes);
        JsonObject told = young.next(f -> messageOf(MessageKind.SYSTEM).test(f) && "transferred".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
        assertEquals("Ali's shift has ended. You are now talking with Priya.", told.getJsonObject("message").getString("text"));
        assertFalse(young.arrivesBefore(messageOf(MessageKind.NOTE), Barrier.history()), "notes never reach the care leaver");
      }
    }
  }

  @Test
  @DisplayName("An adviser who takes a conversation while off shift keeps it: only a shift that ends hands over")
  void offShiftVolunteerKeepsIt() {
    startAt("23:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "anyone?");
      eventually(jay.id(), Conversation::autoRepliedThisEpisode);
      samSocket.send(new JsonObject().put("type", "resume").put("conversationId", jay.id()).put("afterSeq", 0));
      samSocket.next("history");
      reply(samSocket, jay.id(), "I'm not on shift but I saw this - I'm here", "text");
      sweepAt("23:45");
      assertEquals("sam", conversation(jay.id()).assignedTo());
    }
  }

  @Test
  @DisplayName("When nobody comes on after a shift, the conversation goes back to the queue instead of staying with the adviser who left")
  void shiftEndWithNobodyNext() {
    startAt("22:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hi");
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      sweepAt("23:00");
      assertNull(conversation(jay.id()).assignedTo());
      JsonObject told = young.next(f -> messageOf(MessageKind.SYSTEM).test(f) && "unassigned".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
      assertTrue(told.getJsonObject("message").getString("text").startsWith("Priya's shift has ended."));
      assertEquals(1, stored(jay.id(), MessageKind.AUTO_REPLY).size(), "and the honest reply says nobody is on now");
    }
  }

  @Test
  @DisplayName("An answered conversation handed back at a shift's end with nobody next is the queue's: the young person's next message gets the honest reply, though the episode had one already")
  void answeredConversationBackInTheQueueAtShiftEnd() {
    startAt("22:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      say(young, "hi");
      assertTrue(young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message").getString("text").contains("the first person free will reply"));
      setStatus(priya, "priya", "available");
      sweepAt("22:31");
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      reply(priya, jay.id(), "Hi Jay, Priya here", "text");
      sweepAt("23:00");
      assertNull(conversation(jay.id()).assignedTo());
      assertEquals(1, stored(jay.id(), MessageKind.AUTO_REPLY).size(), "answered, and nothing asked since: nothing more to tell yet");

      clock.setLocal("2026-11-25T23:30");
      say(young, "are you still there?");
      String text = young.next(messageOf(MessageKind.AUTO_REPLY)).getJsonObject("message").getString("text");
      assertTrue(text.contains("nobody from the leaving care team is working right now") && text.contains("9am tomorrow"),
          "\"the first person free will reply\" is no longer true: the honest reply says when someone is next on: " + text);
    }
  }

  @Test
  @DisplayName("An answered conversation handed back when its adviser dropped off, with nobody free, goes to the next adviser free, who may open it")
  void answeredConversationBackInTheQueueGoesToTheNextFree() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    TestSocket ali = staffSocket("ali");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      clock.setLocal("2026-11-25T18:02");
      aliAnswers(jay, young, ali);
      say(young, "thanks, one more thing");
      dropsOff(ali, "ali");
      sweepAt("18:04:01");
      assertNull(conversation(jay.id()).assignedTo(), "Ali has gone and Priya is busy: back in the queue");

      setStatus(priya, "priya", "available");
      sweepAt("18:04:30");
      assertEquals("priya", eventually(jay.id(), c -> c.assignedTo() != null).assignedTo(), "the first one free picks it up");
      assertTrue(stored(jay.id(), MessageKind.SYSTEM).stream().anyMatch(m -> m.text().equals("Priya is on call and has your message. They will reply soon.")),
          "Jay is waiting for a reply, and told who has it");
      assertEquals("history", open(priya, jay.id()).getString("type"));
    }
  }

  @Test
  @DisplayName("A resolved conversation handed to Priya stays hers: when Jay writes again, it is Priya's, not routing's to choose")
  void resolvedThenTransferredStaysWithWhoeverItWentTo() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      aliAnswers(jay, young, ali);
      resolvedAndHandedTo(jay, ali, "priya");

      clock.setLocal("2026-11-25T18:30");
      say(young, "it's about the landlord again");
      assertEquals("priya", eventually(jay.id(), c -> c.episode() == 2).assignedTo(), "Ali is free, but Jay was handed to Priya");
      young.next(f -> "oncall".equals(f.getString("type")) && "Priya".equals(f.getJsonObject("onCall").getString("talkingWith"))
          && "waiting".equals(f.getJsonObject("onCall").getString("status")));
      sweepAt("18:30:30");
      assertEquals("priya", conversation(jay.id()).assignedTo());
    }
  }

  @Test
  @DisplayName("A resolved conversation handed to Sam, who is not working when Jay writes again, goes to whoever is on call, and Jay is told why")
  void resolvedThenTransferredToSomeoneNotWorking() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket samSocket = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      aliAnswers(jay, young, ali);
      resolvedAndHandedTo(jay, ali, "sam");

      // Sam's console is open, but Sam is Jay's PA, not on call this evening.
      clock.setLocal("2026-11-25T18:30");
      say(young, "it's about the landlord again");
      assertEquals("ali", eventually(jay.id(), c -> c.episode() == 2 && !"sam".equals(c.assignedTo())).assignedTo());
      young.next(f -> "message".equals(f.getString("type")) && "Sam is not working just now. You are now talking with Ali.".equals(f.getJsonObject("message").getString("text")));
    }
  }

  @Test
  @DisplayName("An adviser who drops off keeps new work for the grace period, then a waiting conversation is moved on")
  void offlineAdviser() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    TestSocket ali = staffSocket("ali");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      clock.setLocal("2026-11-25T18:02");
      say(young, "hi");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:03");
      dropsOff(ali, "ali");
      sweepAt("18:03:30");
      assertEquals("ali", conversation(jay.id()).assignedTo(), "within the grace period");
      setStatus(priya, "priya", "available");
      sweepAt("18:04:01");
      assertEquals("priya", conversation(jay.id()).assignedTo(), "moved on once the grace period is over");
    }
  }

  @Test
  @DisplayName("Nobody is alerted when nobody works; at the start of the next working day the own PA gets the night's conversation and one handover item")
  void nextDayHandover() {
    startAt("23:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "I lost my job today");
    }
    eventually(jay.id(), Conversation::autoRepliedThisEpisode);
    clock.setLocal("2026-11-26T02:00");
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
    assertTrue(stored(jay.id(), MessageKind.ALERT).isEmpty(), "nobody to alert overnight, so no alert is recorded");
    try (TestSocket samSocket = staffSocket("sam")) {
      clock.setLocal("2026-11-26T08:59");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      assertFalse(conversation(jay.id()).paHandoverPending(), "not before office hours");
      clock.setLocal("2026-11-26T09:00");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      assertTrue(conversation(jay.id()).paHandoverPending());
      JsonObject item = samSocket.next("handover");
      assertTrue(item.getString("text").contains("Jay sent 1 message between 5pm yesterday and 9am today."), item.getString("text"));
      samSocket.send(new JsonObject().put("type", "queue"));
      JsonArray queue = samSocket.next("queue").getJsonArray("conversations");
      assertTrue(queue.stream().map(JsonObject.class::cast).anyMatch(c -> jay.id().equals(c.getString("id")) && c.getBoolean("paHandoverPending")));

      clock.setLocal("2026-11-26T09:05");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      assertEquals(1, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> "pa_handover".equals(m.event().type())).count());
      assertEquals("sam", conversation(jay.id()).assignedTo(), "in office hours the own PA, who is available, has it");
      samSocket.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> !c.paHandoverPending());
    }
  }

  @Test
  @DisplayName("A restart loses no pending escalation: the stored rota and the ladder carry on from where they were")
  void restartWithEscalationPending() {
    YoungPerson jay = jayWaitingForAliSince1800();
    clock.setLocal("2026-11-25T18:05");
    harbour = harbour.restart();
    sweepAt("18:10");
    assertEquals(1, conversation(jay.id()).escalationLevel(), "the wait from before the restart is escalated at its SLA");

    harbour = harbour.restart();
    sweepAt("18:12");
    assertEquals(1, conversation(jay.id()).escalationLevel(), "not repeated early after a restart");
    sweepAt("18:15");
    assertEquals(2, conversation(jay.id()).escalationLevel(), "the ladder carries on");
    assertEquals(2, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> "escalated".equals(m.event().type())).count());
  }

  @Test
  @DisplayName("After a restart the first sweep runs by itself, after Harbour is ready: a wait past its SLA is escalated without anyone sweeping")
  void firstSweepAfterRestartActsOnItsOwn() {
    YoungPerson jay = jayWaitingForAliSince1800();
    clock.setLocal("2026-11-25T18:11");
    harbour = harbour.restart();

    // The periodic sweep is 10 minutes apart here, so only the first one can have escalated it.
    eventually(jay.id(), c -> c.escalationLevel() == 1);
    assertEquals(1, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> "escalated".equals(m.event().type())).count());
  }

  /** Jay wrote at 18:00 and Ali, on call, has the conversation; both have gone since. */
  private YoungPerson jayWaitingForAliSince1800() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hello?");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
    }
    return jay;
  }

  @Test
  @DisplayName("The on-call API tells a care leaver first names only and staff the whole shift; strangers get 401")
  void onCallApi() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali")) {
      JsonObject forJay = jay.session().get("/api/on-call").bodyAsJsonObject();
      assertEquals("Ali", forJay.getJsonObject("now").getString("firstName"));
      assertFalse(forJay.encode().contains("\"ali\""), "no usernames for care leavers: " + forJay);
      JsonObject forStaff = sam.get("/api/on-call").bodyAsJsonObject();
      JsonObject first = forStaff.getJsonArray("onCall").getJsonObject(0);
      assertEquals("ali", first.getString("username"));
      assertEquals("available", first.getString("availability"));
      assertEquals(2, first.getInteger("capacity"));
      assertEquals("jo", forStaff.getJsonArray("dutyManagers").getJsonObject(0).getString("username"));
      assertEquals(401, new TestSession(harbour).get("/api/on-call").statusCode());
    }
  }

  @Test
  @DisplayName("Bad acknowledge frames get error frames and the connection keeps working")
  void badAcknowledgeFrames() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      priya.send(new JsonObject().put("type", "acknowledge"));
      assertEquals("missing_field", priya.next("error").getString("code"));
      priya.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()).put("$where", "1"));
      assertEquals("bad_key", priya.next("error").getString("code"));
      young.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      assertEquals("forbidden", young.next("error").getString("code"));
      say(young, "hi");
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      priya.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      assertEquals("nothing_to_acknowledge", priya.next("error").getString("code"));
      try (TestSocket ali = staffSocket("ali")) {
        ali.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
        assertEquals("not_found", ali.next("error").getString("code"), "not Ali's conversation and Ali was never alerted");
      }
      say(young, "still works");
    }
  }

  /** Closes the adviser's console and waits until routing sees them offline (on the server's event loop). */
  private void dropsOff(TestSocket socket, String username) {
    socket.close();
    Eventually.eventually(() -> "offline".equals(harbour.harbour().services().routing().view().forStaff().getJsonArray("onCall").stream()
        .map(JsonObject.class::cast).filter(a -> username.equals(a.getString("username"))).findFirst().orElseThrow().getString("availability")));
  }
}
