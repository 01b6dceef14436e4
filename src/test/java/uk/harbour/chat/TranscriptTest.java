package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("Transcripts and the chat pages")
@Timeout(120)
class TranscriptTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A PA exports the whole transcript as JSON and as a printable page, escaped, and each export is audited")
  void export() {
    TestSession pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jo");
    String id = invite.getString("careLeaverId");
    TestSession young = fixtures.joined(invite, "jo-t");
    try (TestSocket socket = TestSocket.connect(harbour, young); TestSocket adviser = TestSocket.connect(harbour, pa)) {
      socket.next("welcome");
      adviser.next("welcome");
      socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "<script>alert(1)</script> help"));
      socket.next("ack");
      adviser.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("conversationId", id).put("text", "Hi Jo"));
      adviser.next("ack");
      String noteId = UUID.randomUUID().toString();
      adviser.send(new JsonObject().put("type", "send").put("clientId", noteId).put("conversationId", id).put("text", "worried").put("kind", "note"));
      // Routing may post its auto-reply and cards before Sam's reply lands (a race the clock does not
      // decide), so the note is found by its client id and the count leaves Harbour's own messages out.
      adviser.next(f -> "ack".equals(f.getString("type")) && noteId.equals(f.getString("clientId")));
    }
    var json = pa.get("/api/conversations/" + id + "/transcript");
    assertEquals(200, json.statusCode(), json.bodyAsString());
    long written =
        json.bodyAsJsonObject().getJsonArray("messages").stream()
            .map(JsonObject.class::cast)
            .filter(m -> "text".equals(m.getString("kind")) || "note".equals(m.getString("kind")))
            .count();
    assertEquals(3, written);
    var html = pa.get("/conversations/" + id + "/transcript");
    assertEquals(200, html.statusCode());
    assertTrue(html.bodyAsString().contains("&lt;script&gt;alert(1)&lt;/script&gt; help"), "escaped");
    assertFalse(html.bodyAsString().contains("<script>alert(1)"));
    assertTrue(html.bodyAsString().contains("Private note:"));
    var audited = await(harbour.harbour().services().audit().find(new AuditQuery(Optional.of("sam"), Optional.of(AuditAction.TRANSCRIPT_EXPORTED), Optional.of(id), Optional.empty(), Optional.empty(), 10)));
    assertEquals(2, audited.size());
    assertEquals(404, fixtures.signedIn("priya").get("/api/conversations/" + id + "/transcript").statusCode(), "another PA may not export a conversation assigned to Sam");
    assertEquals(403, young.get("/api/conversations/" + id + "/transcript").statusCode(), "nor the young person");
  }

  @Test
  @DisplayName("Someone else's conversation answers exactly like one that does not exist, so ids cannot be probed")
  void notYoursLooksMissing() {
    TestSession sam = fixtures.signedIn("sam");
    String samsId = fixtures.careLeaver(sam, "Kit").getString("careLeaverId");
    TestSession priya = fixtures.signedIn("priya");
    for (String path : new String[] {"/api/conversations/%s/transcript", "/conversations/%s/transcript", "/api/conversations/%s/card-suggestions"}) {
      var existing = priya.get(path.formatted(samsId));
      var missing = priya.get(path.formatted("cl-no-such-person"));
      assertEquals(404, existing.statusCode(), path + ": " + existing.bodyAsString());
      assertEquals(missing.statusCode(), existing.statusCode(), path);
      assertEquals(missing.bodyAsString(), existing.bodyAsString(), path);
    }
    JsonObject card = new JsonObject().put("entryId", "no-such-entry").put("clientId", UUID.randomUUID().toString());
    var existing = priya.post("/api/conversations/" + samsId + "/cards", card);
    var missing = priya.post("/api/conversations/cl-no-such-person/cards", card.put("clientId", UUID.randomUUID().toString()));
    assertEquals(404, existing.statusCode(), existing.bodyAsString());
    assertEquals(missing.bodyAsString(), existing.bodyAsString());
    assertEquals("not_found", existing.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("The chat page is for care leavers and the console for staff")
  void pages() {
    TestSession pa = fixtures.signedIn("sam");
    TestSession young = fixtures.joined(fixtures.careLeaver(pa, "Mo"), "mo-t");
    var chat = young.get("/chat");
    assertEquals(200, chat.statusCode());
    assertTrue(chat.bodyAsString().contains("id=\"composer\""));
    assertEquals(403, pa.get("/chat").statusCode());
    var console = pa.get("/console");
    assertEquals(200, console.statusCode());
    assertTrue(console.bodyAsString().contains("id=\"queue\""));
    assertEquals(403, young.get("/console").statusCode());
  }
}
