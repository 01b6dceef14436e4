package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.TestClock;

/**
 * Staff presence across nodes, with the views passed by hand as PresenceSync passes them over the
 * bus: connections add up over nodes, a node that leaves takes its connections with it and starts
 * the grace period, and the last status set wins even when the clocks say the same time.
 */
@DisplayName("Staff presence across nodes")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StaffPresenceClusterTest {

  private static final Duration GRACE = Duration.ofSeconds(60);

  private final Vertx vertx = Vertx.vertx();
  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private final SignedIn priya = new SignedIn("priya", Role.ADVISER, "Priya Shah", "leaving-care", clock.instant());
  private final List<JsonObject> fromA = new ArrayList<>();
  private final List<JsonObject> fromB = new ArrayList<>();
  private final StaffPresence a = node("node-a", fromA);
  private final StaffPresence b = node("node-b", fromB);

  private StaffPresence node(String id, List<JsonObject> said) {
    StaffPresence presence = new StaffPresence(new ChatDelivery(vertx), clock, id);
    presence.onChangeHere(said::add);
    return presence;
  }

  /** Everything each node said so far reaches the other. */
  private void exchange() {
    fromA.forEach(b::heard);
    fromB.forEach(a::heard);
    fromA.clear();
    fromB.clear();
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  @DisplayName("Connected on either node counts everywhere; offline only when the last connection anywhere closes")
  void connectionsAddUp() {
    a.connected(priya);
    b.connected(priya);
    exchange();
    assertEquals(2, a.of("priya").orElseThrow().connections());
    a.disconnected(priya);
    exchange();
    assertEquals("available", b.describe("priya"), "still connected on node b");
    assertTrue(a.availableNow("priya"));
    b.disconnected(priya);
    exchange();
    assertEquals("offline", a.describe("priya"));
    assertTrue(a.canTakeWork("priya", clock.instant().plus(GRACE).minusSeconds(1), GRACE), "the grace period runs from the last disconnect");
  }

  @Test
  @DisplayName("A node that leaves takes its connections with it, and the grace period starts then")
  void nodeLeaves() {
    b.connected(priya);
    exchange();
    assertTrue(a.availableNow("priya"));
    clock.advance(Duration.ofMinutes(5));
    a.nodeLeft("node-b");
    assertEquals("offline", a.describe("priya"));
    assertTrue(a.canTakeWork("priya", clock.instant().plus(GRACE).minusSeconds(1), GRACE), "her console may reconnect to this node in time");
    assertFalse(a.canTakeWork("priya", clock.instant().plus(GRACE), GRACE));
    a.connected(priya);
    assertTrue(a.availableNow("priya"), "reconnected here");
  }

  @Test
  @DisplayName("The status set last wins on both nodes, though the clock has not moved")
  void lastStatusWins() {
    a.connected(priya);
    exchange();
    b.set(priya, "busy");
    exchange();
    assertEquals("busy", a.describe("priya"));
    a.set(priya, "away");
    exchange();
    assertEquals("away", b.describe("priya"));
    assertEquals("away", a.describe("priya"));
    // Two nodes setting at once (the same count): both settle on the same one.
    a.set(priya, "available");
    b.set(priya, "busy");
    exchange();
    assertEquals(a.describe("priya"), b.describe("priya"));
  }
}
