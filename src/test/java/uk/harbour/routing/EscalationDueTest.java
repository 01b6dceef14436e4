package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEventJson;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

@DisplayName("When the next escalation alert is due")
@Timeout(30)
class EscalationDueTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");
  private static final RoutingSettings SETTINGS =
      new RoutingSettings(
          Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(5), List.of("backup", "duty_manager"), Duration.ofSeconds(60), Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(20));

  private static Message message(long seq, MessageKind kind, Role role, Instant at, JsonObject event) {
    return new Message("c1", seq, 1, kind, "x", role == null ? "harbour" : "someone", role, "Name", null, at, null, event == null ? null : ConversationEventJson.fromJson(event));
  }

  @Test
  @DisplayName("A normal wait is due after 10 minutes, an urgent one after 2, repeats every 5, and a reply ends it")
  void slaAndRepeat() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), AlertClock.due(conv, SETTINGS));

    conv.apply(message(2, MessageKind.SYSTEM, null, T, new JsonObject().put("type", "priority").put("priority", "urgent")));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(2))), AlertClock.due(conv, SETTINGS));

    Instant alerted = T.plus(Duration.ofMinutes(2));
    conv.apply(message(3, MessageKind.ALERT, null, alerted, new JsonObject().put("type", "escalated").put("level", 1).put("to", new io.vertx.core.json.JsonArray().add("priya"))));
    assertEquals(Optional.of(alerted.plus(Duration.ofMinutes(5))), AlertClock.due(conv, SETTINGS));
    assertTrue(conv.escalatedTo().contains("priya"));

    conv.apply(message(4, MessageKind.TEXT, Role.ADVISER, alerted.plusSeconds(30), null));
    assertEquals(Optional.empty(), AlertClock.due(conv, SETTINGS), "a reply ends the wait");
    assertEquals(0, conv.escalationLevel(), "and the ladder starts again at the next wait");
  }

  @Test
  @DisplayName("A wait acknowledged by whoever holds it is not escalated again, and a card Harbour sends does not count as a reply")
  void acknowledgedAndSystemCards() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    conv.apply(message(2, MessageKind.CARD, null, T, null));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), AlertClock.due(conv, SETTINGS), "still waiting after Harbour's own card");
    conv.apply(message(3, MessageKind.ALERT, null, T.plus(Duration.ofMinutes(10)), new JsonObject().put("type", "escalated").put("level", 1)));
    conv.apply(message(4, MessageKind.ALERT, Role.ADVISER, T.plus(Duration.ofMinutes(11)), new JsonObject().put("type", "acknowledged").put("by", "priya")));
    conv.apply(message(5, MessageKind.SYSTEM, null, T.plus(Duration.ofMinutes(11)), new JsonObject().put("type", "assigned").put("to", "priya")));
    assertEquals(Optional.empty(), AlertClock.due(conv, SETTINGS));
  }

  @Test
  @DisplayName("\"I've got this\" from someone who does not hold the wait holds the ladder back 30 minutes, then the next alert ends it")
  void acknowledgedByNobodyHoldingIt() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    conv.apply(message(2, MessageKind.ALERT, null, T.plus(Duration.ofMinutes(10)), new JsonObject().put("type", "escalated").put("level", 1)));
    Instant acknowledged = T.plus(Duration.ofMinutes(12));
    conv.apply(message(3, MessageKind.ALERT, Role.MANAGER, acknowledged, new JsonObject().put("type", "acknowledged").put("by", "jo")));
    assertEquals(Optional.of(acknowledged.plus(Duration.ofMinutes(30))), AlertClock.due(conv, SETTINGS));

    Instant lapsed = acknowledged.plus(Duration.ofMinutes(30));
    conv.apply(message(4, MessageKind.ALERT, null, lapsed, new JsonObject().put("type", "escalated").put("level", 2)));
    assertEquals(null, conv.acknowledgedBy(), "the alert that went again ends the acknowledgement");
    assertEquals(Optional.of(lapsed.plus(Duration.ofMinutes(5))), AlertClock.due(conv, SETTINGS), "and the ladder repeats as usual");
  }

  private static uk.harbour.rota.OnCall shift(boolean officeHours, List<String> onCall, List<String> backup, List<String> managers) {
    return new uk.harbour.rota.OnCall(T, officeHours, onCall, backup, managers, T.plus(Duration.ofHours(1)));
  }

  private static Conversation held(String by, int level) {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    long seq = 2;
    if (by != null) {
      conv.apply(message(seq++, MessageKind.SYSTEM, null, T, new JsonObject().put("type", "assigned").put("to", by)));
    }
    for (int i = 1; i <= level; i++) {
      conv.apply(message(seq++, MessageKind.ALERT, null, T, new JsonObject().put("type", "escalated").put("level", i)));
    }
    return conv;
  }

  @Test
  @DisplayName("Who an alert reaches: the holder and the next rung; an empty rung is skipped at once; past the top every rung hears again")
  void reach() {
    List<String> ladder = List.of("backup", "duty_manager");
    var full = shift(false, List.of("ali"), List.of("priya"), List.of("jo"));
    assertEquals(new AlertLadder.Reach(1, List.of("backup"), java.util.Set.of("ali", "priya")), AlertLadder.reach(held("ali", 0), full, ladder));
    assertEquals(new AlertLadder.Reach(2, List.of("backup", "duty_manager"), java.util.Set.of("ali", "priya", "jo")), AlertLadder.reach(held("ali", 1), full, ladder));
    assertEquals(3, AlertLadder.reach(held("ali", 2), full, ladder).level(), "repeats climb past the top");
    assertEquals(java.util.Set.of("ali", "priya", "jo"), AlertLadder.reach(held("ali", 2), full, ladder).to());

    var noBackup = shift(false, List.of(), List.of(), List.of("jo"));
    assertEquals(new AlertLadder.Reach(2, List.of("duty_manager"), java.util.Set.of("jo")), AlertLadder.reach(held(null, 0), noBackup, ladder),
        "nobody on call and no backup: straight to the duty manager");

    var officeWithManager = shift(true, List.of(), List.of(), List.of("jo"));
    assertEquals(java.util.Set.of("sam", "jo"), AlertLadder.reach(held(null, 0), officeWithManager, ladder).to(), "the own PA and the office-hours duty manager");
    var officeAlone = shift(true, List.of(), List.of(), List.of());
    assertEquals(new AlertLadder.Reach(2, List.of(), java.util.Set.of("sam")), AlertLadder.reach(held("sam", 0), officeAlone, ladder));

    var nobody = shift(false, List.of(), List.of(), List.of());
    assertTrue(AlertLadder.reach(held(null, 0), nobody, ladder).to().isEmpty(), "nobody at work: nothing to send");
  }

  @Test
  @DisplayName("Counts read as people say them: 1 minute, 2 minutes")
  void plainCounts() {
    assertEquals("1 minute", uk.harbour.web.PlainEnglish.count(1, "minute"));
    assertEquals("0 minutes", uk.harbour.web.PlainEnglish.count(0, "minute"));
    assertEquals("12 minutes", uk.harbour.web.PlainEnglish.count(12, "minute"));
  }
}
