package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Axe;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.Viewport;

/**
 * The young person's chat on a phone, in a real browser: a 30-message conversation (Jay's first
 * message, Harbour's out-of-hours reply with its help cards, then his PA's replies) at 320×640,
 * 390×844 and 1366×768.
 */
@DisplayName("The young person's chat on a small phone")
class YoungChatBrowserTest extends BrowserTestBase {

  private static final int PA_REPLIES = 26;

  private ChromeDriver young;
  private TestSession pa;
  private TestSocket paSocket;
  private String conversationId;
  private String announcedAfterAutoReply;

  static List<Viewport> sizes() {
    return List.of(Viewport.SMALL_PHONE, Viewport.PHONE, Viewport.LAPTOP);
  }

  @BeforeAll
  void conversation() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    conversationId = invite.getString("careLeaverId");
    young = openBrowser();
    Viewport.PHONE.apply(young);
    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-b");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));
    young.findElement(By.id("composer")).sendKeys("Hi, I have a question about my rent");
    young.findElement(By.id("send")).click();
    // Saturday 23:00 with nobody on the rota: Harbour's honest reply and help that is open now.
    Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("li.card-message")).size() >= 1);
    announcedAfterAutoReply = Browser.waitFor(young).until(d -> {
      String said = d.findElement(By.id("announcer")).getText();
      return said.contains("help card") ? said : null;
    });
    Viewport.PHONE.screenshot(young, "chat-first-reply");

    paSocket = TestSocket.connect(harbour, pa);
    paSocket.next("welcome");
    for (int i = 1; i <= PA_REPLIES; i++) {
      paSocket.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", "pa-" + i).put("text", "Reply number " + i + " from Sam."));
      paSocket.next(f -> "ack".equals(f.getString("type")));
    }
    Browser.waitFor(young).until(d -> d.findElements(By.xpath("//p[@class='message-text' and text()='Reply number " + PA_REPLIES + " from Sam.']")).size() == 1);
  }

  @AfterEach
  void backOnline() {
    young.executeCdpCommand("Network.emulateNetworkConditions", offline(false));
  }

  private static Map<String, Object> offline(boolean offline) {
    return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
  }

  private void openChat(Viewport size) {
    size.apply(young);
    young.get(harbour.baseUrl() + "/chat");
    Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("#messages li.message")).size() >= 30);
    // The list settles on the newest message a frame after the last page of history.
    Browser.waitFor(young).until(d -> inView(d.findElement(By.cssSelector("#messages li.message:last-child")), d.findElement(By.id("log"))));
  }

  private boolean inView(WebElement element, WebElement within) {
    return (Boolean) young.executeScript(
        "const r = arguments[0].getBoundingClientRect(), b = arguments[1] ? arguments[1].getBoundingClientRect() : {top: 0, left: 0, bottom: innerHeight, right: innerWidth};"
            + "return r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;",
        element, within);
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @DisplayName("With 30 messages the message box and Send are on screen, the newest message is in view, and nothing scrolls sideways")
  void composerStaysOnScreen(Viewport size) {
    openChat(size);
    assertTrue(young.findElements(By.cssSelector("#messages li.message")).size() >= 30);
    assertTrue(inView(young.findElement(By.id("composer")), null), "message box on screen at " + size);
    assertTrue(inView(young.findElement(By.id("send")), null), "Send on screen at " + size);
    assertTrue(inView(young.findElement(By.cssSelector("#messages li.message:last-child")), young.findElement(By.id("log"))), "newest message in view at " + size);
    assertEquals(Boolean.FALSE, young.executeScript("return document.documentElement.scrollWidth > innerWidth"), "no sideways scrolling at " + size);
    size.screenshot(young, "chat");
  }

  @Test
  @DisplayName("Two Tab presses reach the skip link, and Enter puts the cursor in the message box")
  void keyboardReachesComposer() {
    openChat(Viewport.PHONE);
    young.findElement(By.tagName("body")).click();
    young.executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
    int presses = 0;
    while (presses < 3 && !"composer".equals(young.switchTo().activeElement().getDomAttribute("id"))) {
      new Actions(young).sendKeys(Keys.TAB).perform();
      presses++;
      WebElement active = young.switchTo().activeElement();
      if ("#composer".equals(active.getDomAttribute("href"))) {
        active.sendKeys(Keys.ENTER);
      }
    }
    assertEquals("composer", young.switchTo().activeElement().getDomAttribute("id"), "reached the message box in " + presses + " Tab presses");
    assertTrue(presses <= 3);
  }

  @Test
  @DisplayName("Harbour's reply with help cards is announced as one short line, and each card shows a title and one line until More opens it")
  void cardsFoldAndAreSummarised() {
    assertTrue(announcedAfterAutoReply.startsWith("Harbour: Thanks for your message, Jay."), announcedAfterAutoReply);
    assertTrue(announcedAfterAutoReply.matches(".*And (a help card: .+|\\d help cards)\\."), announcedAfterAutoReply);
    assertTrue(announcedAfterAutoReply.length() < 300, "short: " + announcedAfterAutoReply.length() + " characters");

    openChat(Viewport.PHONE);
    WebElement card = young.findElement(By.cssSelector("li.card-message"));
    WebElement more = card.findElement(By.className("card-more"));
    assertEquals("false", more.getDomAttribute("aria-expanded"));
    assertTrue(card.findElement(By.className("card-title")).isDisplayed());
    List<WebElement> links = card.findElements(By.cssSelector(".card-contact a"));
    assertFalse(links.isEmpty());
    assertTrue(links.stream().noneMatch(WebElement::isDisplayed), "a folded card's links are out of the keyboard's way");
    young.executeScript("arguments[0].scrollIntoView()", more);
    more.click();
    assertEquals("true", more.getDomAttribute("aria-expanded"));
    assertTrue(links.get(0).isDisplayed());
    assertTrue(card.findElement(By.className("save-card-button")).isDisplayed());
  }

  @Test
  @DisplayName("The message list is a list inside a log, and a notice staff caused is shown as from Harbour")
  void listSemantics() {
    openChat(Viewport.PHONE);
    WebElement log = young.findElement(By.id("log"));
    assertEquals("log", log.getDomAttribute("role"));
    WebElement list = log.findElement(By.id("messages"));
    assertEquals("ol", list.getTagName());
    assertEquals(null, list.getDomAttribute("role"));
    assertTrue(list.findElements(By.xpath("./*[not(self::li)]")).isEmpty(), "only list items in the list");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @DisplayName("axe-core finds no WCAG 2.2 AA violation in the chat")
  void chatPassesAxe(Viewport size) {
    openChat(size);
    List<String> violations = Axe.violations(young);
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  @DisplayName("Offline, a reload shows the offline page: the chat as last seen, what is waiting to send, and the crisis numbers")
  void offlinePage() {
    openChat(Viewport.PHONE);
    Browser.waitFor(young).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));
    // Registered under the page's file version, so a release with new files caches them afresh.
    String version = (String) young.executeScript(
        "return document.querySelector('link[rel=stylesheet]').getAttribute('href').match(/^\\/static\\/v\\/([^/]+)\\//)[1]");
    assertEquals("/sw.js?v=" + version,
        young.executeScript("const url = new URL(navigator.serviceWorker.controller.scriptURL); return url.pathname + url.search"));
    Browser.waitFor(young).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeAsyncScript(
        "const done = arguments[0]; caches.keys().then(keys => done(keys.includes('harbour-offline-" + version + "')))")));
    young.executeCdpCommand("Network.enable", Map.of());
    young.executeCdpCommand("Network.emulateNetworkConditions", offline(true));
    Browser.waitFor(young).until(d -> d.findElement(By.id("on-call")).getText().startsWith("You're offline."));
    young.findElement(By.id("composer")).sendKeys("Written on the bus with no signal");
    young.findElement(By.id("send")).click();

    // Chromium's offline switch covers the page but not the service worker's own requests: with
    // Harbour stopped too, nothing answers the reload, as on a phone with no signal.
    harbour = harbour.restartAfter(() -> {
      young.navigate().refresh();
      Browser.waitFor(young).until(ExpectedConditions.textToBe(By.tagName("h1"), "You're offline"));
      assertTrue(young.getCurrentUrl().endsWith("/chat"));
      String waiting = young.findElement(By.id("offline-outbox")).getText();
      assertTrue(waiting.contains("Written on the bus with no signal"), waiting);
      String seen = young.findElement(By.id("offline-conversation")).getText();
      assertTrue(seen.contains("Reply number " + PA_REPLIES + " from Sam."), seen);
      assertTrue(seen.contains("a question about my rent"), seen);
      assertEquals("tel:999", young.findElement(By.linkText("999")).getDomAttribute("href"));
      assertTrue(young.findElement(By.className("offline-crisis")).getText().contains("116 123"));
      assertTrue(young.findElement(By.cssSelector("[data-quick-exit]")).isDisplayed());
      List<String> violations = Axe.violations(young);
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      Viewport.PHONE.screenshot(young, "offline");
    });

    // Back online, the chat sends what was waiting.
    young.executeCdpCommand("Network.emulateNetworkConditions", offline(false));
    young.get(harbour.baseUrl() + "/chat");
    Browser.waitFor(young).until(d -> d.findElements(By.xpath("//li[p[@class='message-text' and text()='Written on the bus with no signal']]//span[@class='message-state' and text()='Sent']")).size() == 1);
  }
}
