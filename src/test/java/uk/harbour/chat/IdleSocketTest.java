package uk.harbour.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSocket;

/**
 * A socket is idle after 90 s without a frame or pong, counted in elapsed time. It was counted on
 * the service's clock: when that clock moved on (tests move it by hours; a corrected wall clock
 * steps), every quiet socket was closed as idle at the next ping, 0–30 s later.
 */
@DisplayName("Idle sockets")
@Timeout(120)
class IdleSocketTest {

  private RunningHarbour harbour;

  @AfterEach
  void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A quiet socket stays open when the service's clock jumps two hours, past the next ping")
  void clockJumpIsNotIdleness() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    try (TestSocket sam = TestSocket.connect(harbour, fixtures.signedIn("sam"))) {
      sam.next("welcome");
      harbour.clock().advance(Duration.ofHours(2));
      // Pings go every 30 s: past the next one, the socket is still open (and answered pongs).
      await().during(Duration.ofMillis(ChatConnection.PING_MILLIS + 5_000)).atMost(Duration.ofMillis(ChatConnection.PING_MILLIS + 15_000))
          .until(() -> !sam.isClosed());
      sam.send(new JsonObject().put("type", "queue"));
      assertEquals("queue", sam.next("queue").getString("type"));
    }
  }
}
