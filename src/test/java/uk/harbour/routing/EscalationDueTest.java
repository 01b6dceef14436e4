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
import uk.harbour.app.HarbourConfig;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

@DisplayName("When the next escalation alert is due")
class EscalationDueTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");
  private static final HarbourConfig.Routing SETTINGS =
      new HarbourConfig.Routing(
          Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(5), List.of("backup", "duty_manager"), Duration.ofSeconds(60), Duration.ofSeconds(5), 3);

  private static Message message(long seq, MessageKind kind, Role role, Instant at, JsonObject event) {
    return new Message("c1", seq, 1, kind, "x", role == null ? "harbour" : "someone", role, "Name", null, at, null, event);
  }

  @Test
  @DisplayName("A normal wait is due after 10 minutes, an urgent one after 2, repeats every 5, and a reply ends it")
  void slaAndRepeat() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), Escalations.due(conv, SETTINGS));

    conv.apply(message(2, MessageKind.SYSTEM, null, T, new JsonObject().put("type", "priority").put("priority", "urgent")));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(2))), Escalations.due(conv, SETTINGS));

    Instant alerted = T.plus(Duration.ofMinutes(2));
    conv.apply(message(3, MessageKind.ALERT, null, alerted, new JsonObject().put("type", "escalated").put("level", 1).put("to", new io.vertx.core.json.JsonArray().add("priya"))));
    assertEquals(Optional.of(alerted.plus(Duration.ofMinutes(5))), Escalations.due(conv, SETTINGS));
    assertTrue(conv.escalatedTo().contains("priya"));

    conv.apply(message(4, MessageKind.TEXT, Role.ADVISER, alerted.plusSeconds(30), null));
    assertEquals(Optional.empty(), Escalations.due(conv, SETTINGS), "a reply ends the wait");
    assertEquals(0, conv.escalationLevel(), "and the ladder starts again at the next wait");
  }

  @Test
  @DisplayName("An acknowledged wait is not escalated again, and a card Harbour sends does not count as a reply")
  void acknowledgedAndSystemCards() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, T, null));
    conv.apply(message(2, MessageKind.CARD, null, T, null));
    assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), Escalations.due(conv, SETTINGS), "still waiting after Harbour's own card");
    conv.apply(message(3, MessageKind.ALERT, null, T.plus(Duration.ofMinutes(10)), new JsonObject().put("type", "escalated").put("level", 1)));
    conv.apply(message(4, MessageKind.ALERT, Role.ADVISER, T.plus(Duration.ofMinutes(11)), new JsonObject().put("type", "acknowledged").put("by", "priya")));
    assertEquals(Optional.empty(), Escalations.due(conv, SETTINGS));
  }
}
