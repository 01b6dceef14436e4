package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.StuckChains;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, the routing sweep waited on each conversation in turn for as long as that took: one
 * conversation whose ordered chain never moved again held the sweep for ever, and every later sweep
 * queued behind it, so nobody's wait was escalated again and nothing was logged.
 */
@DisplayName("One stuck conversation does not stop routing for everyone else")
class StuckConversationTest extends WednesdayEveningTestBase {

  private final LogCapture routingLog = LogCapture.of(Routing.class);
  private Promise<Void> stuck;

  @AfterEach
  void release() {
    routingLog.close();
    if (stuck != null) {
      stuck.tryComplete();
    }
  }

  /**
   * Until a step that outlived the limit has finished whole (the alert, then the handover check and
   * routing), the sweep passes the conversation by as still held.
   */
  private void settled(YoungPerson who) {
    Eventually.eventually(() -> !harbour.harbour().services().routing().stillChecking(who.id()));
  }

  @Test
  @DisplayName("The sweep goes on past a conversation it cannot check within routing.stepLimitSeconds, escalates the others, logs an ERROR naming it, and tells its staff")
  void sweepGoesOnWithoutTheStuckOne() {
    startAt("18:00", new JsonObject().put("stepLimitSeconds", 1));
    YoungPerson amy = youngPerson("Amy");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali");
        TestSocket sam = staffSocket("sam");
        TestSocket jo = staffSocket("jo");
        TestSocket amySocket = careLeaverSocket(amy)) {
      say(amySocket, "hello, anyone?");
      eventually(amy.id(), c -> "ali".equals(c.assignedTo()));
      clock.advance(java.time.Duration.ofSeconds(30));
      try (TestSocket jaySocket = careLeaverSocket(jay)) {
        say(jaySocket, "please can someone reply");
        eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      }

      java.util.function.Predicate<JsonObject> aboutAmy = f -> "alert".equals(f.getString("type")) && amy.id().equals(f.getString("conversationId"));
      // Amy has waited longest, so the sweep comes to her first.
      stuck = StuckChains.hold(harbour.harbour().services().chat(), amy.id());
      sweepAt("18:11");

      assertEquals(1, conversation(jay.id()).escalationLevel(), "Jay's wait is escalated though Amy's conversation is stuck");
      assertEquals(0, conversation(amy.id()).escalationLevel(), "Amy's could not be checked");
      assertTrue(
          routingLog.lines().stream().anyMatch(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains(amy.id())),
          "an ERROR names the conversation nobody could check: " + routingLog.lines());
      // Her wait is past the SLA too: the backup hears of it in the console, though nothing could be stored.
      JsonObject unrecorded = sam.next(aboutAmy);
      assertTrue(unrecorded.getString("text").contains("Harbour cannot record anything in their conversation"), unrecorded.getString("text"));
      assertFalse(jo.arrivesWithin(aboutAmy, 300), "the first alert reaches the first rung, not the duty manager yet");
      sweepAt("18:12");
      assertFalse(sam.arrivesWithin(aboutAmy, 300), "not again at every sweep: once per repeat interval");

      // Five minutes on, still stuck: the ladder climbs as a stored one would, to the duty manager.
      sweepAt("18:16");
      assertTrue(jo.next(aboutAmy).getString("text").contains("Harbour cannot record anything"), "the duty manager is told");
      assertEquals(2, sam.next(aboutAmy).getInteger("level"), "alert 2, to every rung so far");

      stuck.complete();
      // Its step held since 18:11 runs now and stores alert 2, as at 18:16: the ladder reached so far, not past it.
      eventually(amy.id(), c -> c.escalationLevel() == 2);
      settled(amy);
      sweepAt("18:20");
      assertEquals(2, conversation(amy.id()).escalationLevel(), "the next repeat is due five minutes after the last alert that went out");
      settled(amy);
      sweepAt("18:21");
      // Eventually: on a loaded machine this step may outlive the one-second limit, and still store.
      eventually(amy.id(), c -> c.escalationLevel() == 3);
    }
  }
}
