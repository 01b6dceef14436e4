package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("Reports follow the chat as messages are stored")
@Timeout(120)
class ReportsLiveTest {

  private RunningHarbour harbour;

  @AfterEach
  void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A chat over the socket (reply, resolve, 'Was this helpful?') shows in the manager's report and the adviser's week")
  void liveChat() {
    TestClock clock = TestClock.at("2026-11-25T10:00");
    harbour = RunningHarbour.start(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600)));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("ali", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    TestSession sam = fixtures.signedIn("sam");
    Rotas.use(harbour, Rotas.wednesdayEvening());
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    String jayId = invite.getString("careLeaverId");
    TestSession jay = fixtures.joined(invite, "jay-" + UUID.randomUUID().toString().substring(0, 6));
    try (TestSocket staff = TestSocket.connect(harbour, sam); TestSocket young = TestSocket.connect(harbour, jay)) {
      staff.next("welcome");
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "j1").put("text", "Is my rent paid this month?"));
      young.next("ack");
      clock.advance(Duration.ofMinutes(3));
      staff.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "s1").put("text", "Let me check for you."));
      staff.next("ack");
      clock.advance(Duration.ofMinutes(7));
      staff.send(new JsonObject().put("type", "resolve").put("conversationId", jayId));
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getJsonObject("event") != null
          && "resolved".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
      young.send(new JsonObject().put("type", "feedback").put("episode", 1).put("answer", "yes"));
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getJsonObject("event") != null
          && "feedback".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
    }
    // The writer hears each stored message a moment after it is acknowledged, and writes every few seconds.
    Eventually.eventually(() -> {
      await(harbour.harbour().services().reports().writer().flush());
      return sam.get("/api/reports/me").bodyAsJsonObject().getJsonObject("helpful").getInteger("yes") == 1;
    });
    JsonObject week = sam.get("/api/reports/me").bodyAsJsonObject();
    assertEquals(1, week.getInteger("episodes"));
    assertEquals(180L, week.getJsonObject("firstResponse").getLong("median"));
    assertEquals(1, week.getInteger("resolved"));
    assertEquals(1.0, week.getJsonObject("helpful").getDouble("share"));
    JsonObject report = fixtures.signedIn("jo").get("/api/reports/summary?preset=7d").bodyAsJsonObject();
    assertEquals(1, report.getInteger("episodes"));
    assertEquals(1, report.getJsonObject("ownPa").getInteger("episodes"), "Sam is Jay's PA");
    assertEquals(1, report.getJsonObject("officeHours").getInteger("episodes"));
    assertEquals(600L, report.getJsonObject("resolution").getLong("median"));
    assertEquals(1, report.getJsonObject("withinSla").getInteger("count"));
    assertEquals(1, report.getJsonArray("byHourOfWeek").getJsonObject(2).getJsonArray("hours").getInteger(10), "Wednesday 10:00");
  }
}
