package uk.harbour.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("The audit log across a restart")
@Timeout(60)
class AuditAcrossRestartTest {

  @Test
  @DisplayName("Entries written in the same millisecond by a restarted process do not collide")
  void sameMillisecondAfterRestart() {
    RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-25T21:00"), new JsonObject());
    try {
      new Fixtures(harbour).staff("sam", Role.ADVISER);
      harbour = harbour.restart();
      // Same clock instant, fresh process: its first audit entries must not reuse the first ones' ids.
      Fixtures again = new Fixtures(harbour);
      again.staff("priya", Role.ADVISER);
      TestSession priya = again.signedIn("priya");
      assertEquals(200, priya.get("/api/me").statusCode());
    } finally {
      harbour.close();
    }
  }
}
