package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.store.embedded.TestStores;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

@DisplayName("Readiness when the embedded store can no longer write")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreCannotWriteReadinessTest {

  @Test
  @DisplayName("a store whose engine closed its file after a failed write takes the node out of readiness by name, with what to do; liveness stays UP")
  void readinessSaysRestart() {
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"))) {
      assertEquals(200, await(harbour.http().get("/health/ready").send()).statusCode());
      MongoStore store = harbour.harbour().services().store();

      TestStores.failWrites(store.embeddedStore().orElseThrow());

      var ready = await(harbour.http().get("/health/ready").send());
      assertEquals(503, ready.statusCode());
      JsonObject commits = RunningHarbour.readinessCheck(ready, "commits");
      assertEquals("DOWN", commits.getString("status"));
      assertEquals("store cannot write: restart Harbour", commits.getJsonObject("data").getString("reason"));
      assertEquals(200, await(harbour.http().get("/health/live").send()).statusCode());
    }
  }
}
