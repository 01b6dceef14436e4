package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;

@DisplayName("Resume sends every page of what was missed")
@Timeout(120)
class ResumeTest {

  /** More than two pages of 200, and not a whole number of pages. */
  private static final int SENT = 450;

  private static RunningHarbour harbour;
  private static TestSession sam;
  private static TestSession young;
  private static String conversationId;
  private static long lastSeq;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 1000)));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    sam = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    conversationId = invite.getString("careLeaverId");
    young = fixtures.joined(invite, "jay-resume");
    try (TestSocket socket = TestSocket.connect(harbour, young)) {
      socket.next("welcome");
      for (int i = 1; i <= SENT; i++) {
        socket.send(new JsonObject().put("type", "send").put("clientId", "m" + i).put("text", "message " + i));
      }
      for (int i = 1; i <= SENT; i++) {
        String clientId = "m" + i;
        socket.next(f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")));
      }
      // Routing answers the first message with its out-of-hours reply and help cards, all stored
      // before any is sent: once the reply arrives, every message is in.
      socket.next(f -> "message".equals(f.getString("type")) && "auto_reply".equals(f.getJsonObject("message").getString("kind")));
    }
    lastSeq = harbour.harbour().services().chat().peek(conversationId).orElseThrow().lastSeq();
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  /** Every history frame for the conversation up to and including the one marked complete. */
  private static List<JsonObject> pagesUntilComplete(TestSocket socket) {
    List<JsonObject> pages = new ArrayList<>();
    JsonObject page;
    do {
      page = socket.next(f -> "history".equals(f.getString("type")) && conversationId.equals(f.getString("conversationId")));
      pages.add(page);
    } while (!page.getBoolean("complete") && pages.size() < 100);
    return pages;
  }

  /**
   * A barrier whose answer no page after the complete one could look like: the first message
   * alone. Any further page of the resume was asked of the store before it.
   */
  private static Barrier firstMessageAlone() {
    return new Barrier(
        new JsonObject().put("type", "history").put("beforeSeq", 2).put("limit", 1),
        f -> "history".equals(f.getString("type")) && f.getJsonArray("messages").size() == 1
            && f.getJsonArray("messages").getJsonObject(0).getLong("seq") == 1);
  }

  private static List<Long> seqs(List<JsonObject> pages) {
    List<Long> seqs = new ArrayList<>();
    pages.forEach(p -> p.getJsonArray("messages").forEach(m -> seqs.add(((JsonObject) m).getLong("seq"))));
    return seqs;
  }

  @Test
  @DisplayName("a resume from 0 of a conversation over two pages long gets every message, in order, in pages of at most 200")
  void everyPage() {
    try (TestSocket socket = TestSocket.connect(harbour, young)) {
      socket.next("welcome");
      socket.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      List<JsonObject> pages = pagesUntilComplete(socket);
      assertTrue(pages.size() >= 3, "at least three pages: " + pages.size());
      for (JsonObject page : pages.subList(0, pages.size() - 1)) {
        assertFalse(page.getBoolean("complete"), "only the last page is complete");
      }
      pages.forEach(p -> assertTrue(p.getJsonArray("messages").size() <= ChatService.PAGE, "page size " + p.getJsonArray("messages").size()));
      List<Long> seqs = seqs(pages);
      assertTrue(lastSeq > 2L * ChatService.PAGE, "more than two pages: " + lastSeq);
      assertEquals(lastSeq, seqs.size(), "every stored message once (a care leaver's conversation has no notes here)");
      for (int i = 0; i < seqs.size(); i++) {
        assertEquals(i + 1, seqs.get(i), "in seq order without gaps or repeats");
      }
      assertEquals(lastSeq, pages.get(pages.size() - 1).getLong("lastSeq"));
      assertFalse(socket.arrivesBefore(f -> "history".equals(f.getString("type")), firstMessageAlone()), "nothing after the complete page");
    }
  }

  @Test
  @DisplayName("a resume from the middle starts after afterSeq and still ends complete")
  void fromTheMiddle() {
    long afterSeq = lastSeq - 250;
    try (TestSocket socket = TestSocket.connect(harbour, young)) {
      socket.next("welcome");
      socket.send(new JsonObject().put("type", "resume").put("afterSeq", afterSeq));
      List<Long> seqs = seqs(pagesUntilComplete(socket));
      assertEquals(250, seqs.size());
      assertEquals(afterSeq + 1, seqs.get(0));
      assertEquals(lastSeq, seqs.get(seqs.size() - 1));
    }
  }

  @Test
  @DisplayName("staff get the same pages, and a resume past the end is one empty complete page")
  void staffAndPastTheEnd() {
    try (TestSocket socket = TestSocket.connect(harbour, sam)) {
      socket.next("welcome");
      socket.send(new JsonObject().put("type", "resume").put("conversationId", conversationId).put("afterSeq", 0));
      assertEquals(lastSeq, seqs(pagesUntilComplete(socket)).size());
      socket.send(new JsonObject().put("type", "resume").put("conversationId", conversationId).put("afterSeq", Long.MAX_VALUE));
      JsonObject page = socket.next("history");
      assertTrue(page.getBoolean("complete"));
      assertEquals(new JsonArray(), page.getJsonArray("messages"));
    }
  }

}
