package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;
import uk.harbour.web.VisibleText;

@DisplayName("The queue's one-line preview of the newest words")
class QueuePreviewTest extends WednesdayEveningTestBase {

  private static final String LONG =
      "Hi\n\n  can   you help me with my college bursary form, the deadline is Friday and I still need a letter from you 👨‍👩‍👧 and more";

  @Test
  @DisplayName("Staff who may read a conversation get the newest words on one line, cut at 80 characters; staff who may not get none")
  void previewOnlyForReaders() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket samSocket = staffSocket("sam"); TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya");
        TestSocket young = careLeaverSocket(jay)) {
      say(young, LONG);
      // Routing gives Jay to Ali (on call, first in the rota); Priya then may not read it, Sam is his PA.
      JsonObject forSam = samSocket.next(summaryOf(jay.id(), c -> "ali".equals(c.getString("assignedTo")))).getJsonObject("conversation");
      JsonObject forPriya = priya.next(summaryOf(jay.id(), c -> "ali".equals(c.getString("assignedTo")))).getJsonObject("conversation");
      String preview = forSam.getString("preview");
      // One line, white space runs as one space, cut at 80 characters.
      assertEquals("Hi can you help me with my college bursary form, the deadline is Friday and I st…", preview);
      assertTrue(VisibleText.length(preview) <= Conversation.PREVIEW_CHARACTERS + 1, "80 characters at most, and the ellipsis");
      assertTrue(forPriya.containsKey("preview"));
      assertNull(forPriya.getValue("preview"), "Priya may not read Jay's conversation now");
      assertEquals("ali", forPriya.getString("assignedTo"), "the rest of the summary still reaches her queue");

      // A private note leaves it as it was; a reply is the newest words.
      reply(ali, jay.id(), "Checked the hostel list", "note");
      assertEquals(preview, samSocket.next(summaryOf(jay.id(), c -> c.getLong("lastSeq") > forSam.getLong("lastSeq"))).getJsonObject("conversation").getString("preview"));
      reply(ali, jay.id(), "Hi Jay, it's Ali.\nLet's find you somewhere tonight.", "text");
      JsonObject afterReply = samSocket.next(summaryOf(jay.id(), c -> "Hi Jay, it's Ali. Let's find you somewhere tonight.".equals(c.getString("preview")))).getJsonObject("conversation");
      assertEquals("active", afterReply.getString("status"));

      // The queue a reader asks for carries it too.
      samSocket.send(new JsonObject().put("type", "queue"));
      JsonObject queued = samSocket.next("queue").getJsonArray("conversations").stream().map(JsonObject.class::cast)
          .filter(c -> jay.id().equals(c.getString("id"))).findFirst().orElseThrow();
      assertEquals("Hi Jay, it's Ali. Let's find you somewhere tonight.", queued.getString("preview"));
      assertFalse(young.arrivesBefore(f -> "conversation".equals(f.getString("type")) || "queue".equals(f.getString("type")), TestSocket.Barrier.history()),
          "a young person never gets summaries");
    }
  }

  @Test
  @DisplayName("The preview survives a restart, from the stored snapshot")
  void previewAfterRestart() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "Where can I sleep tonight?");
    }
    harbour = harbour.restart();
    assertEquals("Where can I sleep tonight?", conversation(jay.id()).preview());
  }
}
