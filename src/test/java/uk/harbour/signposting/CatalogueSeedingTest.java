package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Seeding the catalogue at start")
@Timeout(180)
class CatalogueSeedingTest {

  @Test
  @DisplayName("adds the demo local offer in demo mode, and a restart keeps a manager's edit and adds nothing twice")
  void demoAndRestart() {
    RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-24T14:00"), new JsonObject().put("demo", "true"));
    try {
      new Fixtures(harbour).staff("boss", Role.MANAGER);
      TestSession boss = new Fixtures(harbour).signedIn("boss");
      JsonObject entries = boss.get("/api/signposting/entries").bodyAsJsonObject();
      int count = entries.getJsonArray("entries").size();
      assertEquals(14 + 7, count, entries.encode());
      JsonObject hub = boss.get("/api/signposting/entries/demo-youth-employment-hub").bodyAsJsonObject();
      assertTrue(hub.getBoolean("demo"));
      assertEquals(1, hub.getInteger("version"));
      assertTrue(new TestSession(harbour).get("/help").bodyAsString().contains("Demo – not a real service"));

      JsonObject edit = boss.get("/api/signposting/entries/samaritans").bodyAsJsonObject();
      edit.remove("edited");
      edit.remove("updatedAt");
      edit.remove("updatedBy");
      edit.put("summary", "Our own words for Samaritans.");
      assertEquals(200, boss.json(HttpMethod.PUT, "/api/signposting/entries/samaritans", edit).statusCode());

      // Audit ids are made from the clock, so the restarted server starts a minute later.
      harbour.clock().advance(java.time.Duration.ofMinutes(1));
      harbour = harbour.restart();
      TestSession again = new Fixtures(harbour).signedIn("boss");
      assertEquals(count, again.get("/api/signposting/entries").bodyAsJsonObject().getJsonArray("entries").size());
      JsonObject samaritans = again.get("/api/signposting/entries/samaritans").bodyAsJsonObject();
      assertEquals("Our own words for Samaritans.", samaritans.getString("summary"));
      assertEquals(2, samaritans.getInteger("version"));
      assertTrue(samaritans.getBoolean("edited"));
      assertEquals(1, again.get("/api/signposting/entries/propel").bodyAsJsonObject().getInteger("version"), "unchanged seed, unchanged version");
      assertEquals(1, again.get("/api/signposting/entries/demo-youth-employment-hub").bodyAsJsonObject().getInteger("version"));
    } finally {
      harbour.close();
    }
  }
}
