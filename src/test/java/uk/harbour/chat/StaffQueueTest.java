package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;

@DisplayName("A member of staff's queue")
@Timeout(10)
class StaffQueueTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");
  private static final SignedIn MANAGER = new SignedIn("jo", Role.MANAGER, "Jo", "team", T);

  private static Message message(String id, long seq, MessageKind kind, Role role, int minute, JsonObject event) {
    return new Message(id, seq, 1, kind, "x", role == null ? "harbour" : "someone", role, "Name", null, T.plusSeconds(60L * minute), null,
        event == null ? null : ConversationEventJson.fromJson(event));
  }

  /** A conversation whose young person wrote at {@code minute}, then whatever {@code then} adds. */
  private static Conversation waitingFrom(String id, int minute, Message... then) {
    Conversation conv = new Conversation(id, id, "sam", "team");
    conv.apply(message(id, 1, MessageKind.TEXT, Role.CARE_LEAVER, minute, null));
    for (Message m : then) {
      conv.apply(m);
    }
    return conv;
  }

  @Test
  @DisplayName("puts a risk flag first, then urgent, then waits (longest first), then the rest, and leaves resolved ones out")
  void order() {
    Conversation plain = waitingFrom("plain", 0);
    Conversation later = waitingFrom("later", 5);
    Conversation urgent = waitingFrom("urgent", 8, message("urgent", 2, MessageKind.SYSTEM, null, 8,
        new JsonObject().put("type", "priority").put("priority", "urgent")));
    Conversation flagged = waitingFrom("flagged", 9, message("flagged", 2, MessageKind.ALERT, null, 9,
        new JsonObject().put("type", "risk_flagged").put("categories", new JsonArray().add("suicide_self_harm")).put("severity", "high")));
    Conversation answered = waitingFrom("answered", 1, message("answered", 2, MessageKind.TEXT, Role.ADVISER, 2, null));
    Conversation resolved = waitingFrom("resolved", 0, message("resolved", 2, MessageKind.SYSTEM, null, 3,
        new JsonObject().put("type", "resolved").put("by", "sam")));

    List<Conversation> queue = StaffQueue.of(MANAGER, List.of(answered, resolved, later, plain, flagged, urgent));

    assertEquals(List.of("flagged", "urgent", "plain", "later", "answered"), queue.stream().map(Conversation::id).toList());
  }
}
