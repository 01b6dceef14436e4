package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("In a real browser, the adviser console gets attention without giving anything away")
@Timeout(180)
class ConsoleAttentionBrowserTest extends BrowserTestBase {

  private static final String FIRST = "Can someone help me with my rent";
  private static final String SECOND = "Are you there?";
  private static final String NAME = "Jay";

  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private ChromeDriver browser;
  private String jayId;
  private TestSocket jay;

  /** Wednesday 18:00: Ali and Priya on call, Sam backup, Jo duty manager (Rotas.wednesdayEvening). */
  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(
        clock, new JsonObject().put("routing", new JsonObject().put("slaMinutes", 1).put("repeatMinutes", 1).put("sweepSeconds", 600)));
  }

  @BeforeAll
  void start() {
    Fixtures fixtures = new Fixtures(harbour);
    for (String adviser : List.of("ali", "priya", "sam")) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    JsonObject invite = fixtures.careLeaver(fixtures.signedIn("sam"), NAME);
    jayId = invite.getString("careLeaverId");
    TestSession jaySession = fixtures.joined(invite, "jay-" + UUID.randomUUID().toString().substring(0, 6));
    jay = TestSocket.connect(harbour, jaySession);
    jay.next("welcome");

    browser = openBrowser();
    beforeEveryPage(browser, "/uk/harbour/chat/console-recorders.js");
  }

  @AfterAll
  void closeJay() {
    if (jay != null) {
      jay.close();
    }
  }

  private Object script(String js) {
    return browser.executeScript(js);
  }

  private long plays() {
    return ((Number) script("return window.__harbour.plays")).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> notifications() {
    return (List<Map<String, Object>>) script("return window.__harbour.notifications");
  }

  private void setHidden(boolean hidden) {
    script("window.__harbour.hidden = " + hidden + "; document.dispatchEvent(new Event('visibilitychange'));");
  }

  private void say(String text) {
    jay.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", text));
    jay.next("ack");
  }

  private void waitForTitle(String title) {
    Browser.waitFor(browser).until(d -> title.equals(d.getTitle()));
  }

  private void assertTitleGivesNothingAway() {
    String title = browser.getTitle();
    assertFalse(title.contains(NAME), title);
    assertFalse(title.contains(FIRST), title);
    assertFalse(title.contains(SECOND), title);
  }

  private void assertGeneric(Map<String, Object> notification) {
    String all = notification.get("title") + " " + notification.get("body");
    assertEquals("Harbour", notification.get("title"));
    assertFalse(all.contains(NAME), all);
    assertFalse(all.contains(FIRST), all);
    assertFalse(all.contains(SECOND), all);
    assertEquals("harbour-" + jayId, notification.get("tag"), "one conversation's notifications replace each other");
  }

  /** Waits for the console to be connected and to have its first queue. */
  private void openConsole() {
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call-now")).getText().isEmpty());
  }

  /** Any click on the page is the gesture browsers want before they let it play sound. */
  private void touchPage() {
    browser.findElement(By.id("queue-heading")).click();
  }

  /**
   * A timed wait: the console sounds from its own timers (a 1 s settle, repeats every 0.6 s here),
   * which no frame or page event marks, so nothing can serve as a barrier.
   */
  private static void soundsWithin(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  @Test
  @DisplayName("The page arrives with the console's own title, before any script runs")
  void titleFromTheServer() {
    String html = new Fixtures(harbour).signedIn("priya").get("/console").bodyAsString();
    assertTrue(html.contains("<title>Console – Harbour</title>"), html.substring(0, Math.min(html.length(), 400)));
  }

  @Test
  @DisplayName("The title counts who waits, a sound and a generic notification come, sound off sticks, and an alert repeats until 'I've got this'")
  void consoleGetsAttention() throws InterruptedException {
    signInStaff(browser, "ali", "/console");
    openConsole();
    waitForTitle("Console – Harbour");
    assertEquals("true", browser.findElement(By.id("sound-toggle")).getAttribute("aria-pressed"), "sound is on by default");
    touchPage();

    // Notifications only after the adviser asks for them.
    assertTrue(notifications().isEmpty());
    browser.findElement(By.id("notify-toggle")).click();
    Browser.waitFor(browser).until(d -> d.findElement(By.id("notify-toggle")).getText().equals("Turn off notifications"));
    assertTrue(browser.findElement(By.id("notify-state")).getText().startsWith("Notifications are on"));

    // Jay writes while the console's tab is in the background; Ali is on call and gets it.
    setHidden(true);
    say(FIRST);
    waitForTitle("(1) Console – Harbour");
    assertTitleGivesNothingAway();
    Browser.waitFor(browser).until(d -> plays() >= 1);
    Browser.waitFor(browser).until(d -> !notifications().isEmpty());
    Map<String, Object> waiting = notifications().get(0);
    assertGeneric(waiting);
    assertEquals("A young person is waiting", waiting.get("body"));

    // Clicking the notification brings the console back with Jay's conversation open.
    setHidden(false);
    script("window.__harbour.lastNotification.onclick()");
    Browser.waitFor(browser).until(d -> d.findElement(By.id("conversation-title")).getText().startsWith(NAME));
    assertTitleGivesNothingAway();

    // Sound off is remembered after a reload: Jay's next message makes no sound.
    browser.findElement(By.id("back")).click();
    browser.findElement(By.id("sound-toggle")).click();
    assertEquals("false", browser.findElement(By.id("sound-toggle")).getAttribute("aria-pressed"));
    browser.navigate().refresh();
    openConsole();
    assertEquals("false", browser.findElement(By.id("sound-toggle")).getAttribute("aria-pressed"), "still off after a reload");
    touchPage();
    waitForTitle("(1) Console – Harbour");
    say(SECOND);
    soundsWithin(2500);
    assertEquals(0, plays(), "no sound while sound is off");
    assertTitleGivesNothingAway();

    // Sound back on; nobody has replied by 18:01, the SLA: the alert sounds and repeats.
    browser.findElement(By.id("sound-toggle")).click();
    assertEquals("true", browser.findElement(By.id("sound-toggle")).getAttribute("aria-pressed"));
    clock.setLocal("2026-11-25T18:01");
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-box")));
    Browser.waitFor(browser).until(d -> plays() >= 3);
    Map<String, Object> alert =
        notifications().stream().filter(n -> String.valueOf(n.get("body")).contains("too long")).findFirst().orElseThrow();
    assertGeneric(alert);
    assertTitleGivesNothingAway();

    // A reload (as a console that reconnects after missing the alert frame) finds it again in the queue.
    browser.navigate().refresh();
    openConsole();
    touchPage();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-box")));
    String shown = browser.findElement(By.id("alerts")).getText();
    assertTrue(shown.contains("Escalated to you: " + NAME + " is waiting for a reply."), shown);

    // "I've got this" stops the repeats.
    browser.findElement(By.cssSelector("#alerts button.secondary")).click();
    Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("alerts-box")));
    Eventually.eventually(() -> harbour.harbour().services().chat().peek(jayId).orElseThrow().acknowledgedBy() != null);
    long afterAcknowledging = plays();
    soundsWithin(2500);
    assertEquals(afterAcknowledging, plays(), "no repeats after 'I've got this'");

    // Acknowledging is not a reply: Jay still waits until Ali answers.
    waitForTitle("(1) Console – Harbour");
    Browser.openFromQueue(browser, jayId);
    browser.findElement(By.id("composer")).sendKeys("Hi Jay, it's Ali. I'm here.");
    browser.findElement(By.id("send")).click();
    waitForTitle("Console – Harbour");
  }
}
