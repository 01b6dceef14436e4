package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.Viewport;

/**
 * Before, every {@code rate_limited} answer started a timer that sent the whole outbox again, so a
 * backlog past the account's allowance (written offline, then the signal came back) set off a storm:
 * n refusals, n resends of everything, more refusals. The connection's frame limit and outbound
 * queue gave out (closed with 4008: "You're offline" while online), and whichever copy of a message
 * found a free token first was stored first, so messages were stored out of the order written. And
 * "You're sending messages very quickly" stayed on screen after everything had gone.
 *
 * <p>The allowance here is 5 messages, refilled at 2 a second by Harbour's clock, which the test
 * moves on half a second (one message's worth) each time one more message has been stored.
 */
@DisplayName("Messages past the account's allowance")
@Timeout(120)
class OutboxBacklogBrowserTest extends BrowserTestBase {

  private static final int BURST = 5;
  private static final int PER_MINUTE = 120;
  private static final Duration ONE_MESSAGE = Duration.ofMillis(60_000 / PER_MINUTE);

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(
        TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", BURST).put("messagesPerMinute", PER_MINUTE)));
  }

  @Test
  @DisplayName("A backlog written offline goes, once back online, in the order written, a frame or two a message, on the same socket")
  void backlogIsStoredInOrderWithoutAStorm() {
    int written = 12;
    ChromeDriver young = openBrowser();
    beforeEveryPage(young, "/uk/harbour/chat/count-frames.js");
    joinChat(young, "Robin", "robin-backlog");

    young.executeCdpCommand("Network.emulateNetworkConditions", network(true));
    Browser.waitFor(young).until(d -> "offline".equals(d.findElement(By.id("on-call")).getDomAttribute("data-state")));
    young.executeScript(
        "const composer = document.getElementById('composer');"
            + "for (let i = 1; i <= arguments[0]; i++) { composer.value = 'message ' + i; document.getElementById('send').click(); }",
        written);
    young.executeCdpCommand("Network.emulateNetworkConditions", network(false));

    allowOneMoreAtATime(young, written);

    List<String> typed = IntStream.rangeClosed(1, written).mapToObj(i -> "message " + i).collect(Collectors.toList());
    assertEquals(typed, storedInSeqOrder(young), "stored in the order the young person wrote them");
    assertEquals(written, ((Number) frames(young, "acks")).intValue(), "each acked once");
    long sends = ((Number) frames(young, "sends")).longValue();
    assertTrue(sends <= 2L * written, "each message sent once, or twice when the allowance was used up: " + sends + " " + frames(young));
    assertEquals(2L, ((Number) frames(young, "opens")).longValue(), "one socket after coming back online, never closed: " + frames(young));
    Browser.waitFor(young).until(d -> sentStates(d) == written);
  }

  @Test
  @DisplayName("\"You're sending messages very quickly\" goes once the last waiting message is sent")
  void slowDownNoticeGoesOnceAllAreSent() {
    int written = BURST + 2;
    ChromeDriver young = openBrowser();
    beforeEveryPage(young, "/uk/harbour/chat/count-frames.js");
    joinChat(young, "Kit", "kit-quick");

    young.executeScript(
        "const composer = document.getElementById('composer');"
            + "for (let i = 1; i <= arguments[0]; i++) { composer.value = 'quick ' + i; document.getElementById('send').click(); }",
        written);
    Browser.waitFor(young).until(ExpectedConditions.textToBe(By.id("problem"), "You're sending messages very quickly. They'll go in a moment."));

    allowOneMoreAtATime(young, written);

    // Nothing is waiting any more, so "They'll go in a moment" is no longer true.
    Browser.waitFor(young).until(ExpectedConditions.invisibilityOfElementLocated(By.id("problem")));
  }

  @Test
  @DisplayName("On the console too, the notice about the allowance goes once the last waiting reply is sent")
  void consoleNoticeGoesOnceAllAreSent() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa-console", Role.ADVISER);
    ChromeDriver adviser = consoleWith("pa-console", "/uk/harbour/chat/count-frames.js", wrote(fixtures, "pa-console", "Ola"), "Ola");

    int written = BURST + 2;
    adviser.executeScript(
        "const composer = document.getElementById('composer');"
            + "for (let i = 1; i <= arguments[0]; i++) { composer.value = 'reply ' + i; document.getElementById('send').click(); }",
        written);
    Browser.waitFor(adviser).until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    while (((Number) frames(adviser, "acks")).intValue() < written) {
      int acked = ((Number) frames(adviser, "acks")).intValue();
      harbour.clock().advance(ONE_MESSAGE);
      Browser.waitFor(adviser).until(d -> ((Number) frames(adviser, "acks")).intValue() > acked);
    }
    Browser.waitFor(adviser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("problem")));
  }

  @Test
  @DisplayName("When the browser refuses to store anything (a full quota, some private modes), a message is still sent and acked")
  void sendsWhenStorageIsRefused() {
    ChromeDriver young = openBrowser();
    joinChat(young, "Ash", "ash-nostore");
    beforeEveryPage(young, "/uk/harbour/chat/refuse-storage.js");
    young.navigate().refresh();
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));

    young.findElement(By.id("composer")).sendKeys("can anyone see this?");
    young.findElement(By.id("send")).click();

    Browser.waitFor(young).until(d -> sentStates(d) == 1);
    assertEquals(List.of("can anyone see this?"), storedInSeqOrder(young));
  }

  @Test
  @DisplayName("On the console, a reply still on its way stays in sight when another conversation is opened and then this one again, and goes once connected")
  void consoleReplyOnItsWayStaysInSight() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa-away", Role.ADVISER);
    String bo = wrote(fixtures, "pa-away", "Bo");
    String cy = wrote(fixtures, "pa-away", "Cy");
    ChromeDriver adviser = consoleWith("pa-away", "/uk/harbour/chat/refuse-sockets.js", bo, "Bo");
    adviser.executeScript("window.__refuseSockets = true; window.__socket.close();");
    Browser.waitFor(adviser).until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-banner")));

    adviser.findElement(By.id("composer")).sendKeys("back in a moment");
    adviser.findElement(By.id("send")).click();
    By onItsWay = By.xpath("//li[contains(@class,'mine')][p[.='back in a moment']]/span[@class='message-state']");
    Browser.waitFor(adviser).until(ExpectedConditions.textToBe(onItsWay, "Sending…"));
    openInConsole(adviser, cy, "Cy");
    openInConsole(adviser, bo, "Bo");
    assertEquals("Sending…", adviser.findElement(onItsWay).getText(), "still in sight, so nobody types it again");

    // Back: "online" reconnects at once rather than at the next back-off.
    adviser.executeScript("window.__refuseSockets = false; window.dispatchEvent(new Event('online'));");
    // Stored: the bubble now carries its seq.
    Browser.waitFor(adviser).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//li[contains(@class,'mine')][@data-seq][p[.='back in a moment']]")));
  }

  @Test
  @DisplayName("A help card whose answer was lost on the way back is the same card when sent again, not a second one")
  void cardSentAgainIsTheSameCard() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa-card", Role.ADVISER);
    String di = wrote(fixtures, "pa-card", "Di");
    ChromeDriver adviser = consoleWith("pa-card", "/uk/harbour/chat/lose-first-card-answer.js", di, "Di");
    adviser.findElement(By.id("card-query")).sendKeys("money");
    adviser.findElement(By.cssSelector("#card-search button[type=submit]")).click();
    By send = By.cssSelector("#card-results li:first-child button");
    Browser.waitFor(adviser).until(ExpectedConditions.elementToBeClickable(send)).click();
    Browser.waitFor(adviser).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-problem")));

    Browser.waitFor(adviser).until(ExpectedConditions.elementToBeClickable(send)).click();
    Browser.waitFor(adviser).until(ExpectedConditions.textToBe(send, "Sent"));

    long cards = RunningHarbour.await(harbour.harbour().services().chat().latest(di, 50)).stream()
        .filter(m -> m.kind() == MessageKind.CARD && "pa-card".equals(m.senderId())).count();
    assertEquals(1, cards, "stored once (Harbour's own cards with its first answer aside)");
  }

  /** A young person of {@code pa}'s who has written once; returns the conversation id. */
  private String wrote(Fixtures fixtures, String pa, String name) {
    JsonObject invite = fixtures.careLeaver(fixtures.signedIn(pa), name);
    try (TestSocket young = TestSocket.connect(harbour, fixtures.joined(invite, name.toLowerCase() + "-" + pa))) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", name + "1").put("text", "hello"));
      young.next("ack");
    }
    return invite.getString("careLeaverId");
  }

  /** {@code pa}'s console in a laptop-sized window, {@code script} loaded before every page, with {@code name}'s conversation open. */
  private ChromeDriver consoleWith(String pa, String script, String conversationId, String name) {
    ChromeDriver adviser = openBrowser();
    // Queue and conversation side by side, so either is one click away.
    Viewport.LAPTOP.apply(adviser);
    beforeEveryPage(adviser, script);
    signInStaff(adviser, pa, "/console");
    openInConsole(adviser, conversationId, name);
    return adviser;
  }

  private static void openInConsole(ChromeDriver adviser, String conversationId, String name) {
    By queued = By.cssSelector(".queue-item[data-conversation-id='" + conversationId + "'] button");
    // The queue re-renders as summaries arrive: a click on an item just replaced is tried again.
    Browser.waitFor(adviser).until(d -> {
      d.findElement(queued).click();
      return true;
    });
    Browser.waitFor(adviser).until(d -> d.findElement(By.id("conversation-title")).getText().startsWith(name));
  }

  /**
   * Moves Harbour's clock on by one message's allowance each time the page has had one more message
   * stored (its outbox shrank), until all {@code written} are; a storm of frames fails it at once.
   */
  private void allowOneMoreAtATime(ChromeDriver young, int written) {
    int stored = 0;
    while (stored < written) {
      harbour.clock().advance(ONE_MESSAGE);
      int before = stored;
      stored = Browser.waitFor(young).pollingEvery(Duration.ofMillis(50)).until(d -> {
        long sends = ((Number) frames(young, "sends")).longValue();
        assertTrue(sends <= 2L * written, "no storm of resends: " + frames(young));
        int now = written - waiting(d);
        return now > before ? now : null;
      });
    }
  }

  /** Opens a new care leaver's invite in {@code browser}, joins, and waits for the chat to connect. */

  private static Map<String, Object> network(boolean offline) {
    return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
  }

  private static Object frames(WebDriver driver) {
    return ((ChromeDriver) driver).executeScript("return JSON.stringify(window.__frames)");
  }

  private static Object frames(WebDriver driver, String count) {
    return ((ChromeDriver) driver).executeScript("return window.__frames[arguments[0]]", count);
  }

  private static int waiting(WebDriver driver) {
    return ((Number) ((ChromeDriver) driver).executeScript(
        "return JSON.parse(localStorage.getItem('harbour.outbox.' + document.getElementById('chat').dataset.userId) || '[]').length")).intValue();
  }

  private static int sentStates(WebDriver driver) {
    return (int) driver.findElements(By.cssSelector("li.mine .message-state")).stream().filter(s -> s.getText().equals("Sent")).count();
  }

  /** The page's own messages by their seq: the order the store has them in. */
  @SuppressWarnings("unchecked")
  private static List<String> storedInSeqOrder(ChromeDriver young) {
    return (List<String>) young.executeScript(
        "return [...document.querySelectorAll('li.mine[data-seq]')].sort((a, b) => a.dataset.seq - b.dataset.seq)"
            + ".map(li => li.querySelector('.message-text').textContent)");
  }
}
