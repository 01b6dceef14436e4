package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/** A young person's conversation follows them to a new PA: routing, access and the stored record of it. */
class PaChangeTest extends WednesdayEveningTestBase {

  private void changePa(String careLeaverId, String to) {
    TestSession jo = fixtures.signedIn("jo");
    var changed = jo.json(HttpMethod.PUT, "/api/care-leavers/" + careLeaverId + "/pa", new JsonObject().put("paUsername", to));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
  }

  @Test
  @DisplayName("after Jay's PA changes from Sam to Lee, Lee may read his chat and gets his next message in office hours; Sam may not")
  void conversationFollowsTheNewPa() {
    startAt("18:00");
    fixtures.staff("lee", Role.ADVISER);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      try (TestSocket ali = staffSocket("ali")) {
        say(young, "hi");
        eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
        ali.send(new JsonObject().put("type", "read").put("conversationId", jay.id()).put("seq", 100));
        ali.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
        eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
      }
      assertEquals(200, sam.get("/api/conversations/" + jay.id() + "/transcript").statusCode(), "Sam, the PA, reads it");
      changePa(jay.id(), "lee");
      assertEquals("lee", conversation(jay.id()).paUsername());
      assertEquals(1, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> m.event() != null && "pa_changed".equals(m.event().type())).count(),
          "the change is stored in the conversation, so a restart and every node know it");
      TestSession lee = fixtures.signedIn("lee");
      assertEquals(200, lee.get("/api/conversations/" + jay.id() + "/transcript").statusCode(), "the new PA reads her young person's chat");
      assertEquals(404, sam.get("/api/conversations/" + jay.id() + "/transcript").statusCode(), "the old PA no longer does");

      try (TestSocket leeSocket = staffSocket("lee")) {
        clock.setLocal("2026-11-26T10:30");
        say(young, "it's me again, I need help with my rent");
        Conversation routed = eventually(jay.id(), c -> c.assignedTo() != null || c.autoRepliedThisEpisode());
        assertEquals("lee", routed.assignedTo(), "in office hours the own PA, now Lee, gets it");
      }
    }
  }

  @Test
  @DisplayName("a PA change before Jay's first message: the conversation held with nothing in it reads his record again")
  void emptyConversationFollowsTheRecord() {
    startAt("10:00");
    fixtures.staff("lee", Role.ADVISER);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay); TestSocket leeSocket = staffSocket("lee")) {
      changePa(jay.id(), "lee");
      say(young, "hello, is this where I ask about college?");
      Conversation routed = eventually(jay.id(), c -> c.assignedTo() != null || c.autoRepliedThisEpisode());
      assertEquals("lee", routed.paUsername());
      assertEquals("lee", routed.assignedTo());
      assertEquals(0, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> m.event() != null && "pa_changed".equals(m.event().type())).count(),
          "nothing to record in a conversation with nothing in it");
    }
  }

  @Test
  @DisplayName("changing to the PA the young person already has records nothing")
  void samePaRecordsNothing() {
    startAt("10:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "hi");
      changePa(jay.id(), "sam");
      assertEquals(0, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> m.event() != null && "pa_changed".equals(m.event().type())).count());
    }
  }
}
