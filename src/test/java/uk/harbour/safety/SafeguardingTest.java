package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Issue 13 end to end over the real socket: a young person's risky words bring a kind line and
 * crisis help at once, make the conversation urgent and flagged, alert whoever has it, the on-call
 * advisers, the backup and the duty manager at once, and keep alerting until someone acts; staff
 * raise and clear flags with a reason; every step is a staff-only record and an audit event.
 * Wednesday 25 November 2026 with {@link Rotas#wednesdayEvening()}: Ali and Priya on call 17:00-22:00,
 * Sam backup, Jo duty manager; Sam is the young people's PA.
 */
@DisplayName("Safeguarding: risky words get help at once and a person told")
class SafeguardingTest extends WednesdayEveningTestBase {

  private static final String RISKY = "I want to end it tonight";

  private TestSocket socket(TestSession session) {
    TestSocket socket = TestSocket.connect(harbour, session);
    socket.next("welcome");
    return socket;
  }

  private static void reply(TestSocket socket, String conversationId, String text) {
    reply(socket, conversationId, text, "text");
  }

  private List<AuditEvent> audited(AuditAction action, String subject) {
    return RunningHarbour.await(harbour.harbour().services().audit().find(
        new AuditQuery(Optional.empty(), Optional.of(action), Optional.of(subject), Optional.empty(), Optional.empty(), 20)));
  }

  @Test
  @DisplayName("A risky sentence sent in two messages, neither risky alone, is read whole: the kind line and the flag")
  void splitSentence() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = socket(fixtures.signedIn("ali")); TestSocket young = socket(jay.session())) {
      say(young, "I want to");
      clock.setLocal("2026-11-25T18:01");
      say(young, "end it");
      young.next(eventOf("safety_reply"));
      Conversation flagged = eventually(jay.id(), c -> c.risk().flagged());
      assertEquals(List.of("suicide_self_harm"), flagged.risk().categories());
    }
  }

  @Test
  @DisplayName("A risky message brings the kind line and crisis cards before any reply, urgency, a staff-only flag, alerts to all four at once, and repeats until acknowledged")
  void riskyMessage() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = socket(fixtures.signedIn("ali")); TestSocket priya = socket(fixtures.signedIn("priya"));
        TestSocket samSocket = socket(sam); TestSocket jo = socket(fixtures.signedIn("jo")); TestSocket young = socket(jay.session())) {
      say(young, "hi, can we talk");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      reply(ali, jay.id(), "Of course, I'm here");

      say(young, RISKY);
      JsonObject kind = young.next(eventOf("safety_reply")).getJsonObject("message");
      assertTrue(kind.getString("text").startsWith("Thank you for telling us, Jay."), kind.getString("text"));
      assertTrue(kind.getString("text").contains("call 999"));
      List<String> cards = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        cards.add(young.next(messageOf(MessageKind.CARD)).getJsonObject("message").getJsonObject("card").getString("entryId"));
      }
      assertTrue(cards.containsAll(List.of("emergency-999", "samaritans", "shout-85258", "nhs-111-mental-health")), "crisis help open now: " + cards);
      assertFalse(young.arrivesBefore(messageOf(MessageKind.ALERT), Barrier.history()), "the flag and alerts are staff-only");

      Conversation flagged = eventually(jay.id(), c -> c.escalationLevel() > 0);
      assertEquals("urgent", flagged.priority());
      assertEquals(List.of("suicide_self_harm"), flagged.risk().categories());
      assertEquals("high", flagged.risk().severity());
      assertTrue(flagged.escalatedTo().containsAll(Set.of("ali", "priya", "sam", "jo")), "all at once: " + flagged.escalatedTo());
      for (TestSocket staff : List.of(ali, priya, samSocket, jo)) {
        JsonObject alert = staff.next("alert");
        assertEquals(jay.id(), alert.getString("conversationId"));
        assertFalse(alert.getString("text").contains("end it"), "no message text in an alert");
        assertEquals("risk", alert.getString("cause"));
      }
      JsonObject summary = ali.next(f -> "conversation".equals(f.getString("type")) && f.getJsonObject("conversation").getJsonObject("risk") != null)
          .getJsonObject("conversation");
      assertEquals(new JsonArray().add("suicide_self_harm"), summary.getJsonObject("risk").getJsonArray("categories"));
      Eventually.eventually(() -> audited(AuditAction.RISK_FLAGGED, jay.id()).size() == 1);
      Message record = stored(jay.id()).stream().filter(m -> m.event() instanceof ConversationEvent.RiskFlagged).findFirst().orElseThrow();
      assertEquals(MessageKind.ALERT, record.kind(), "a staff-only record");
      assertFalse(record.text().contains("end it"), "the record names the category, never the words");

      int level = conversation(jay.id()).escalationLevel();
      sweepAt("18:04:59");
      assertEquals(level, conversation(jay.id()).escalationLevel());
      sweepAt("18:05");
      assertEquals(level + 1, conversation(jay.id()).escalationLevel(), "the ladder repeats until someone acts");
      JsonObject repeat = jo.next("alert");
      assertEquals("risk", repeat.getString("cause"), "a repeat is not read as an ordinary wait");
      assertTrue(repeat.getString("text").contains("their messages may show they are at risk"), repeat.getString("text"));
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> "jo".equals(c.acknowledgedBy()));
      sweepAt("18:30");
      assertEquals(level + 1, conversation(jay.id()).escalationLevel(), "quiet after an acknowledgement");

      say(young, "i want to die");
      assertFalse(young.arrivesBefore(eventOf("safety_reply"), Barrier.history()),
          "the kind line goes out once an episode");
      assertEquals(1, audited(AuditAction.RISK_FLAGGED, jay.id()).size(), "the same risk again is not a new flag");

      say(young, "and ive got nowhere to sleep tonight");
      Conversation more = eventually(jay.id(), c -> c.risk().categories().contains("no_safe_place"));
      assertNull(more.acknowledgedBy(), "a new risk needs a person to act again");
      Eventually.eventually(() -> audited(AuditAction.RISK_FLAGGED, jay.id()).size() == 2);
      jo.next(f -> "alert".equals(f.getString("type")) && f.getInteger("level") > level + 1);
    }
  }

  @Test
  @DisplayName("A young person still flagged from an earlier episode who writes risky words again has a person told at once: the flag stays, but the risk is new")
  void riskAgainInALaterEpisode() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = socket(fixtures.signedIn("ali")); TestSocket priya = socket(fixtures.signedIn("priya")); TestSocket young = socket(jay.session())) {
      say(young, RISKY);
      young.next(eventOf("safety_reply"));
      ali.next(f -> "alert".equals(f.getString("type")) && "risk".equals(f.getString("cause")));
      priya.next(f -> "alert".equals(f.getString("type")) && "risk".equals(f.getString("cause")));
      reply(ali, jay.id(), "I'm here, Jay. Let's talk.");
      ali.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
      assertTrue(conversation(jay.id()).risk().flagged(), "nobody cleared the flag");

      clock.setLocal("2026-11-25T20:00");
      say(young, RISKY);
      young.next(eventOf("safety_reply"));
      JsonObject alert = priya.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
      assertEquals("risk", alert.getString("cause"));
      assertEquals(0, alert.getLong("waitedMinutes"), "at once, not at the end of the urgent SLA");
      Eventually.eventually(() -> audited(AuditAction.RISK_FLAGGED, jay.id()).size() == 2);
    }
  }

  @Test
  @DisplayName("Everyday words do not flag: no kind line, no urgency")
  void idiomsDoNotFlag() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = socket(jay.session())) {
      say(young, "this essay is killing me lol");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()) || c.assignedTo() != null || c.autoRepliedThisEpisode());
      assertFalse(young.arrivesBefore(eventOf("safety_reply"), Barrier.history()));
      assertFalse(conversation(jay.id()).risk().flagged());
      assertEquals("normal", conversation(jay.id()).priority());
    }
  }

  @Test
  @DisplayName("With nobody on shift the young person still gets the kind line and crisis help at once, and the honest reply does not repeat the cards")
  void nobodyOnShift() {
    startAt("23:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = socket(jay.session())) {
      say(young, "nobody cares if i kill myself");
      young.next(eventOf("safety_reply"));
      young.next(messageOf(MessageKind.AUTO_REPLY));
      Conversation conv = eventually(jay.id(), c -> c.autoRepliedThisEpisode() && c.risk().flagged());
      assertEquals("urgent", conv.priority());
      List<Message> all = stored(jay.id());
      long cards = all.stream().filter(m -> m.kind() == MessageKind.CARD).count();
      long distinct = all.stream().filter(m -> m.kind() == MessageKind.CARD).map(m -> m.card().getString("entryId")).distinct().count();
      assertEquals(distinct, cards, "no card twice");
      assertFalse(all.stream().filter(m -> m.kind() == MessageKind.AUTO_REPLY).findFirst().orElseThrow().text().contains("Below is help"),
          "the honest reply does not point at cards it does not send");
    }
  }

  @Test
  @DisplayName("Staff raise a flag by hand and clear it, each with a reason and audited; bad risk frames get error frames")
  void raiseAndClear() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = socket(fixtures.signedIn("ali")); TestSocket young = socket(jay.session())) {
      say(young, "hello");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));

      ali.send(risk(jay.id(), "clear", null, "mistake"));
      assertEquals("not_flagged", ali.next("error").getString("code"));
      ali.send(risk(jay.id(), "raise", new JsonArray().add("everything"), "worried"));
      JsonObject badCategory = ali.next("error");
      assertEquals("bad_frame", badCategory.getString("code"));
      assertEquals("risk", badCategory.getString("ref"), "the refusal names the frame it answers");
      ali.send(risk(jay.id(), "raise", new JsonArray().add("abuse_exploitation"), null));
      assertEquals("missing_field", ali.next("error").getString("code"));
      ali.send(risk(jay.id(), "shout", new JsonArray().add("abuse_exploitation"), "x"));
      assertEquals("bad_frame", ali.next("error").getString("code"));
      young.send(risk(jay.id(), "raise", new JsonArray().add("abuse_exploitation"), "x"));
      assertEquals("forbidden", young.next("error").getString("code"));

      ali.send(risk(jay.id(), "raise", new JsonArray().add("abuse_exploitation"), "Older man picking him up after college"));
      // The audit entry is written once the records (the flag, then "urgent") are stored: wait for it,
      // not for the flag, which the conversation shows a moment before the priority after it.
      AuditEvent raisedEntry = Eventually.eventually(() -> audited(AuditAction.RISK_RAISED, jay.id()), l -> !l.isEmpty()).get(0);
      assertEquals("Older man picking him up after college", raisedEntry.detail().getString("reason"));
      Conversation raised = conversation(jay.id());
      assertTrue(raised.risk().flagged());
      assertEquals("urgent", raised.priority());
      assertEquals("ali", raised.risk().flaggedBy());

      ali.send(risk(jay.id(), "clear", null, "Spoke to Jay: it is his uncle, checked with his PA"));
      eventually(jay.id(), c -> !c.risk().flagged());
      Eventually.eventually(() -> audited(AuditAction.RISK_CLEARED, jay.id()).size() == 1);
      assertFalse(young.arrivesBefore(messageOf(MessageKind.ALERT), Barrier.history()), "records are staff-only");
    }
  }

  private static JsonObject risk(String conversationId, String action, JsonArray categories, String reason) {
    JsonObject frame = new JsonObject().put("type", "risk").put("conversationId", conversationId).put("action", action);
    if (categories != null) {
      frame.put("categories", categories);
    }
    if (reason != null) {
      frame.put("reason", reason);
    }
    return frame;
  }
}
