package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, the ladder named people by the rota alone: with every one of them away from Harbour, each
 * alert went to nobody, for ever, and nothing said so, while the young person waited in a queue.
 */
@DisplayName("An alert nobody has Harbour open to see does not end with nobody told")
class UnseenAlertTest extends WednesdayEveningTestBase {

  private final LogCapture escalationLog = LogCapture.of(Escalations.class);

  @AfterEach
  void closeLog() {
    escalationLog.close();
  }

  @Test
  @DisplayName("When nobody the alert names has Harbour open, it also reaches whoever on shift has: here the duty manager, a rung early")
  void widensToWhoeverIsOnline() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there");
      sweepAt("18:10");

      JsonObject alert = jo.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
      assertEquals(1, alert.getInteger("level"), "the first alert, which by the ladder reaches the on-call advisers and the backup only");
      assertTrue(alert.getString("text").endsWith("Alert 1 sent to Ali, Priya, Sam, Jo."), alert.getString("text"));
      Message stored = stored(jay.id(), MessageKind.ALERT).get(0);
      assertEquals(List.of("ali", "priya", "sam", "jo"), ((ConversationEvent.Escalated) stored.event()).to(), "the record says who was told");
      assertTrue(escalationLog.lines().stream().noneMatch(line -> line.getLevel() == Level.ERROR), "someone saw it: " + escalationLog.lines());
      assertFalse(young.arrivesWithin(nobodyOnline(), 300), "the young person is not told nobody is online");
    }
  }

  @Test
  @DisplayName("When nobody on shift has Harbour open, each alert is an ERROR and a metric, and the young person is told honestly once, with help that is always there")
  void nobodyOnShiftOnline() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there");
      sweepAt("18:10");

      JsonObject honest = young.next(nobodyOnline());
      String text = honest.getJsonObject("message").getString("text");
      assertTrue(text.startsWith("Sorry you are still waiting, Jay."), text);
      assertTrue(text.contains("call 999") && text.contains("116 123"), text);
      assertEquals(1, unseenErrors(jay.id()), "an ERROR naming the conversation: " + escalationLog.lines());
      assertEquals(1, harbour.harbour().services().routing().unseenAlerts());
      assertTrue(metrics().contains("harbour_alerts_unseen_total 1.0"), "counted where monitoring reads it");

      sweepAt("18:15");
      assertEquals(2, conversation(jay.id()).escalationLevel(), "the ladder goes on");
      assertEquals(2, unseenErrors(jay.id()), "every unseen alert is logged");
      assertFalse(young.arrivesWithin(nobodyOnline(), 300), "the young person is told once per wait, not at every alert");
      assertEquals(1, stored(jay.id()).stream().filter(m -> m.text().startsWith("Sorry you are still waiting")).count());
    }
  }

  @Test
  @DisplayName("When the first alert looked seen (the backup's console was open) and the next reached nobody, the young person is told honestly then")
  void toldWhenALaterAlertIsUnseen() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      try (TestSocket sam = staffSocket("sam")) {
        say(young, "is anyone there");
        sweepAt("18:10");
        sam.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
        assertFalse(young.arrivesWithin(nobodyOnline(), 300), "someone saw the first alert");
      }
      // Sam's laptop closed: nobody has Harbour open at the second alert.
      uk.harbour.testing.Eventually.eventually(() -> harbour.harbour().services().staffPresence().of("sam").map(s -> s.connections() == 0).orElse(true));
      sweepAt("18:15");

      assertEquals(1, unseenErrors(jay.id()), "the second alert reached nobody: " + escalationLog.lines());
      String text = young.next(nobodyOnline()).getJsonObject("message").getString("text");
      assertTrue(text.startsWith("Sorry you are still waiting, Jay."), text);
    }
  }

  private long unseenErrors(String conversationId) {
    return escalationLog.lines().stream()
        .filter(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains(conversationId)
            && line.getFormattedMessage().contains("reached nobody"))
        .count();
  }

  private String metrics() {
    return RunningHarbour.await(harbour.http().get("/metrics").send()).bodyAsString();
  }
}
