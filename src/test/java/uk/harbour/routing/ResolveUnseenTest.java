package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/** A resolve never closes a message no member of staff has seen. */
class ResolveUnseenTest extends WednesdayEveningTestBase {

  @Test
  @DisplayName("Jay writes again while Ali's resolve is on its way: it is refused, his message still waits and escalates; once read, Ali may resolve")
  void resolveWaitsForTheNewMessageToBeSeen() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket samSocket = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "can I ask about my bus pass");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:01");
      reply(ali, jay.id(), "Sure, it's sorted now. Anything else?", "text");

      // Ali clicks Resolve (the confirm dialog is open) while Jay writes again.
      clock.setLocal("2026-11-25T18:02");
      say(young, "actually, can I ask about something else");
      ali.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      JsonObject refused = ali.next("error");
      assertEquals("written_again", refused.getString("code"), refused.encode());
      assertTrue(refused.getString("message").startsWith("Jay has written again."), refused.encode());
      assertEquals(ConversationStatus.ACTIVE, conversation(jay.id()).status());

      sweepAt("18:12");
      assertTrue(conversation(jay.id()).awaitingReply(), "his message still waits");
      assertEquals(1, conversation(jay.id()).escalationLevel(), "and the ladder starts for it");

      // Her console shows the new message (and says so with a read receipt): now she may resolve.
      ali.send(new JsonObject().put("type", "read").put("conversationId", jay.id()).put("seq", conversation(jay.id()).lastSeq()));
      ali.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
    }
  }
}
