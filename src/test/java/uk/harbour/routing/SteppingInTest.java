package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.identity.Role;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * The ladder alerts people other than whoever holds a conversation so that one of them steps in.
 * Before, the access an alert gave lasted only while the wait did: a backup who answered by
 * replying, rather than pressing "I've got this", lost the conversation with that very reply, and a
 * duty manager of another team, who cannot take it, had no way to keep it.
 */
@DisplayName("Whoever was alerted about a young person's wait keeps the conversation for the episode")
class SteppingInTest extends WednesdayEveningTestBase {

  @Test
  @DisplayName("Ali, the late shift's backup, alerted while Priya holds Jay, replies, and can go on talking with Jay after Jay answers")
  void backupWhoRepliesKeepsTheConversation() {
    startAt("22:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there");
      assertEquals("priya", eventually(jay.id(), c -> c.assignedTo() != null).assignedTo());
      sweepAt("22:10");
      ali.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));

      reply(ali, jay.id(), "Hi Jay, it's Ali. I'm here.", "text");
      clock.setLocal("2026-11-25T22:12");
      say(young, "thanks ali, it's about my rent");

      assertEquals("ack", sent(ali, jay.id(), "Tell me more about the rent.").getString("type"), "Ali goes on");
      assertEquals("history", open(ali, jay.id()).getString("type"));
    }
  }

  @Test
  @DisplayName("Ali, the backup, says \"I've got this\" and so holds Jay; at the end of Ali's shift Jay is handed on like anyone else's, and the alerts are back on")
  void backupWhoTookItHandsItOnAtShiftEnd() {
    startAt("22:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket priya = staffSocket("priya"); TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there");
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      sweepAt("22:40");
      ali.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
      ali.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()) && "ali".equals(c.acknowledgedBy()));

      // Ali's console stays open, but the shift (backup until 23:00) is over.
      sweepAt("23:00");
      Conversation after = eventually(jay.id(), c -> !"ali".equals(c.assignedTo()));
      assertNull(after.assignedTo(), "nobody is on after 23:00: back in the queue");
      assertNull(after.acknowledgedBy(), "\"I've got this\" lapses with it");
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getString("text").startsWith("Ali's shift has ended."));
    }
  }

  @Test
  @DisplayName("A duty manager of another team, alerted, replies and can go on until the conversation is resolved; then not")
  void otherTeamsManagerKeepsItForTheEpisode() {
    startAt("18:00");
    managerOfAnotherTeam("far", "Far");
    JsonObject rota = Rotas.wednesdayEvening();
    rota.getJsonArray("templates").stream().map(JsonObject.class::cast).forEach(shift -> shift.put("dutyManager", "far"));
    Rotas.use(harbour, rota);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket far = staffSocket("far"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hello?");
      sweepAt("18:10");
      sweepAt("18:15");
      far.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));

      reply(far, jay.id(), "Hi Jay, I'm Far, a manager. I'm here.", "text");
      clock.setLocal("2026-11-25T18:16");
      say(young, "ok thanks");
      assertEquals("ack", sent(far, jay.id(), "What's happened?").getString("type"), "Far goes on");

      far.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
      clock.setLocal("2026-11-25T19:00");
      say(young, "me again");
      assertEquals("error", sent(far, jay.id(), "Hello again").getString("type"), "a new episode: not Far's unless alerted again");
    }
  }

  /** A reply, and what answers it: {@code ack}, or an {@code error} for someone who may not write there. */
  private static JsonObject sent(TestSocket socket, String conversationId, String text) {
    socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("conversationId", conversationId).put("text", text));
    return socket.next(f -> "ack".equals(f.getString("type")) || "error".equals(f.getString("type")));
  }
}
