package uk.harbour.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("The demo seeds weeks of history marked as demo, so the manager's dashboard is populated")
@Timeout(180)
class DemoHistoryTest {

  @Test
  @DisplayName("After a first demo start the dashboard has weeks of demo episodes, all resolved, and a restart adds none")
  void demoDashboardIsPopulated() {
    RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-25T10:00"), new JsonObject().put("demo", "true"));
    try {
      await(harbour.harbour().services().reports().writer().caughtUp());
      List<Conversation> demo = harbour.harbour().services().chat().conversations().stream().filter(c -> c.id().startsWith("cl-demo-")).toList();
      assertEquals(6, demo.size());
      assertTrue(demo.stream().allMatch(c -> c.status() == ConversationStatus.RESOLVED), "nothing left open for routing to act on");
      new Fixtures(harbour).staff("morgan", Role.MANAGER);
      TestSession morgan = new Fixtures(harbour).signedIn("morgan");
      JsonObject fourWeeks = morgan.get("/api/reports/summary?preset=4w").bodyAsJsonObject();
      int episodes = fourWeeks.getInteger("episodes");
      assertTrue(episodes > 60, "weeks of history: " + episodes);
      assertEquals(episodes, fourWeeks.getInteger("demoEpisodes"), "every one of them marked as demo");
      assertEquals(0, fourWeeks.getInteger("unanswered"));
      assertTrue(fourWeeks.getJsonObject("firstResponse").getLong("median") > 0);
      assertTrue(fourWeeks.getJsonArray("byAdviser").size() >= 2, "Sam and Priya answered");
      String page = morgan.get("/reports?preset=4w").bodyAsString();
      assertTrue(page.contains("episodes of demo history"), "the page says so");
      harbour = harbour.restart();
      await(harbour.harbour().services().reports().writer().caughtUp());
      TestSession again = new Fixtures(harbour).signedIn("morgan");
      assertEquals(episodes, again.get("/api/reports/summary?preset=4w").bodyAsJsonObject().getInteger("episodes"), "seeded once");
    } finally {
      harbour.close();
    }
  }
}
