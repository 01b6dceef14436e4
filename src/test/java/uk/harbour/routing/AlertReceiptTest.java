package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, an alert to a console on a laptop that had gone to sleep counted as seen until pings found
 * its socket dead (up to 90 s): nobody else was told, and the young person heard "nobody is online"
 * only at the next repeat, 5 minutes on. Now "seen" means a console confirmed receiving it. Each
 * {@link TestSocket} here stands for a console: it confirms only when the test sends the receipt.
 */
@DisplayName("An alert counts as seen only once a console confirms receiving it")
class AlertReceiptTest extends WednesdayEveningTestBase {

  /** Short, so each case waits seconds, not the default 20, yet ample for a socket's receipt. */
  private static final int RECEIPT_SECONDS = 3;
  /** Past the receipt wait, with room for a slow machine. */
  private static final long PAST_THE_WAIT_MS = RECEIPT_SECONDS * 1000L + 2000;

  private final LogCapture alertLog = LogCapture.of(ConfirmedAlerts.class);

  @AfterEach
  void closeLog() {
    alertLog.close();
  }

  @Test
  @DisplayName("A console that confirms the alert is enough: nothing more happens, and nobody is told nobody is online")
  void confirmed() {
    startWithReceipts();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket sam = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      JsonObject alert = firstAlert(young, sam, jay);
      assertTrue(alert.getLong("seq") >= 1, "names the stored alert: " + alert);
      sam.confirm(alert);

      assertFalse(young.arrivesWithin(nobodyOnline(), PAST_THE_WAIT_MS), "Sam has it");
      assertEquals(0, harbour.harbour().services().routing().unseenAlerts());
      assertTrue(alertLog.lines().stream().noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN)), alertLog.lines().toString());
    }
  }

  @Test
  @DisplayName("An alert nobody confirms goes on to whoever else on shift has Harbour open (the duty manager, a rung early), and their receipt is enough")
  void goesOnToOthersOnShift() {
    startWithReceipts();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket sam = staffSocket("sam"); TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      JsonObject toSam = firstAlert(young, sam, jay);
      assertFalse(jo.arrivesWithin(alertFor(jay), 500), "Sam, named by the ladder, has Harbour open: the alert is not Jo's yet");

      // Sam's laptop is asleep: no receipt.
      JsonObject toJo = jo.next(alertFor(jay));
      assertEquals(toSam.getLong("seq"), toJo.getLong("seq"), "the same alert");
      jo.confirm(toJo);

      assertFalse(young.arrivesWithin(nobodyOnline(), PAST_THE_WAIT_MS), "Jo has it");
      assertEquals(0, harbour.harbour().services().routing().unseenAlerts());
      assertTrue(logged(Level.WARN, jay, "was not confirmed received by [sam]"), alertLog.lines().toString());
    }
  }

  @Test
  @DisplayName("Whoever an unconfirmed alert goes on to may open the conversation, held by someone else, and a console that reconnects has the alert back")
  void passedOnAlertOpensTheConversation() {
    startWithReceipts();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "is anyone there");
      String holder = eventually(jay.id(), c -> c.assignedTo() != null).assignedTo();
      assertEquals("ali", holder, "the one on call with Harbour open holds it");
      try (TestSocket sam = staffSocket("sam"); TestSocket priya = staffSocket("priya")) {
        sweepAt("18:10");
        JsonObject first = sam.next(alertFor(jay));
        assertFalse(priya.arrivesWithin(alertFor(jay), 500), "not Priya's yet: " + first);

        // Neither Ali's nor Sam's screen confirms it: it goes on to Priya, who must be able to act on it.
        JsonObject passedOn = priya.next(alertFor(jay));
        assertEquals(first.getLong("seq"), passedOn.getLong("seq"), "the same alert, for her receipt");
        assertTrue(passedOn.getString("text").contains("Passed on to Priya: please check on Jay now."), passedOn.getString("text"));
        JsonObject opened = open(priya, jay.id());
        assertEquals("history", opened.getString("type"), "Priya was alerted and may open it: " + opened);
        priya.confirm(passedOn);
        assertTrue(eventually(jay.id(), c -> c.escalatedTo().contains("priya")).escalatedTo().contains("sam"), "the ladder's names are kept");
        assertTrue(stored(jay.id(), MessageKind.ALERT).stream().anyMatch(m -> m.event() instanceof ConversationEvent.AlertPassedOn on
                && on.alertSeq() == first.getLong("seq") && on.to().equals(List.of("priya")) && on.from().containsAll(List.of("ali", "sam"))),
            "recorded for whoever reviews the wait");
        assertEquals(1, conversation(jay.id()).escalationLevel(), "not a rung: the ladder goes on from its alert");
      }
      try (TestSocket priyaAgain = staffSocket("priya")) {
        priyaAgain.send(new JsonObject().put("type", "queue"));
        JsonObject summary = priyaAgain.next("queue").getJsonArray("conversations").stream().map(JsonObject.class::cast)
            .filter(c -> jay.id().equals(c.getString("id"))).findFirst().orElseThrow();
        assertTrue(summary.getJsonArray("escalatedTo").contains("priya"), "her console shows the alert under \"Needs you now\" again: " + summary);
        assertEquals("is anyone there", summary.getString("preview"), "hers to read");
      }
      assertFalse(young.arrivesWithin(nobodyOnline(), PAST_THE_WAIT_MS), "Priya has it");
      assertEquals(0, harbour.harbour().services().routing().unseenAlerts());
    }
  }

  @Test
  @DisplayName("An alert no console confirms, with nobody else on shift online, is unseen: an ERROR, the metric, and the young person told honestly")
  void nobodyConfirms() {
    startWithReceipts();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket sam = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      firstAlert(young, sam, jay);
      assertFalse(young.arrivesWithin(nobodyOnline(), 500), "not before the receipt is due");

      String text = young.next(nobodyOnline()).getJsonObject("message").getString("text");

      assertTrue(text.startsWith("Sorry you are still waiting, Jay."), text);
      assertTrue(logged(Level.ERROR, jay, "none of [sam] confirmed receiving it"), alertLog.lines().toString());
      assertEquals(1, harbour.harbour().services().routing().unseenAlerts());
      assertEquals(1, stored(jay.id()).stream().filter(m -> m.kind() == MessageKind.AUTO_REPLY && m.text().startsWith("Sorry you are still waiting")).count());
    }
  }

  @Test
  @DisplayName("A reply before the receipt is due ends it: the young person has an answer, and nothing is counted unseen")
  void answeredMeanwhile() {
    startWithReceipts();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket sam = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      firstAlert(young, sam, jay);
      // Sam replies from the conversation without the alert ever ringing (a second tab, say).
      reply(sam, jay.id(), "Hi Jay, I'm here", "text");

      assertFalse(young.arrivesWithin(nobodyOnline(), PAST_THE_WAIT_MS), "answered");
      assertEquals(0, harbour.harbour().services().routing().unseenAlerts());
    }
  }

  private void startWithReceipts() {
    startAt("18:00", new JsonObject().put("alertReceiptSeconds", RECEIPT_SECONDS));
  }

  /** Jay asks, nobody answers, and at 18:10 the first alert reaches Sam's console: that frame. */
  private JsonObject firstAlert(TestSocket young, TestSocket sam, YoungPerson jay) {
    say(young, "is anyone there");
    sweepAt("18:10");
    return sam.next(alertFor(jay));
  }


  private boolean logged(Level level, YoungPerson person, String words) {
    return alertLog.lines().stream()
        .anyMatch(line -> line.getLevel() == level && line.getFormattedMessage().contains(person.id()) && line.getFormattedMessage().contains(words));
  }

  private static Predicate<JsonObject> alertFor(YoungPerson person) {
    return f -> "alert".equals(f.getString("type")) && person.id().equals(f.getString("conversationId"));
  }
}
