package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import uk.harbour.identity.Role;
import uk.harbour.testing.Axe;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;
import uk.harbour.testing.Viewport;

/**
 * The adviser's console in a real browser at 1366×768, 390×844 and 320×640, on Wednesday 25
 * November 2026 from 18:07 by Harbour's clock (months away from the browser's own): Priya Shah on
 * call with Ali Khan, Sam Jones backup, Jo Patel duty manager. Jay wrote at 18:00 that he has been
 * kicked out (a risk flag); Kai at 18:02; Lee, Mo and Nia wait to be transferred, one per size.
 */
@DisplayName("The adviser's console at a laptop and on a phone")
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends BrowserTestBase {

  private static final String KICKED_OUT = "I've been kicked out and I don't know where to sleep tonight";

  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private final List<TestSocket> sockets = new ArrayList<>();
  private final Map<Viewport, String> transferees = new HashMap<>();
  private final Map<String, TestSocket> youngSockets = new HashMap<>();
  private Fixtures fixtures;
  private ChromeDriver priya;
  private ChromeDriver jo;
  private TestSocket sam;
  private String jayId;
  private String kaiId;

  static List<Viewport> sizes() {
    return List.of(Viewport.LAPTOP, Viewport.PHONE, Viewport.SMALL_PHONE);
  }

  static List<Viewport> phones() {
    return List.of(Viewport.PHONE, Viewport.SMALL_PHONE);
  }

  @Override
  protected RunningHarbour startHarbour() {
    // Routing's periodic sweep slowed right down: nothing is handed out behind the test's back.
    return RunningHarbour.start(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600)));
  }

  @BeforeAll
  void people() {
    fixtures = new Fixtures(harbour);
    fixtures.staff("priya", "Priya Shah", Role.ADVISER);
    fixtures.staff("ali", "Ali Khan", Role.ADVISER);
    fixtures.staff("sam", "Sam Jones", Role.ADVISER);
    fixtures.staff("kim", "Kim Lee", Role.ADVISER);
    fixtures.staff("jo", "Jo Patel", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    TestSession pa = fixtures.signedIn("sam");
    jayId = youngPerson(pa, "Jay", KICKED_OUT);
    clock.advance(Duration.ofMinutes(2));
    kaiId = youngPerson(pa, "Kai", "Can you help me fill in my college bursary form?");
    transferees.put(Viewport.LAPTOP, youngPerson(pa, "Lee", "Is my PA around tomorrow?"));
    transferees.put(Viewport.PHONE, youngPerson(pa, "Mo", "Is my PA around tomorrow?"));
    transferees.put(Viewport.SMALL_PHONE, youngPerson(pa, "Nia", "Is my PA around tomorrow?"));
    clock.advance(Duration.ofMinutes(5));
    // Each socket is heard from after the jump: the server's idle check reads the same clock, and
    // would otherwise close them all (4000) at its next tick, 30 s into the run.
    youngSockets.values().forEach(socket -> socket.send(new JsonObject().put("type", "read").put("seq", 1)));

    priya = openBrowser();
    signIn(priya, "priya");
    jo = openBrowser();
    signIn(jo, "jo");
  }

  @AfterAll
  void closeSockets() {
    sockets.forEach(TestSocket::close);
  }

  /** A young person whose PA is Sam, who has written once; returns the conversation id. */
  private String youngPerson(TestSession pa, String name, String said) {
    JsonObject invite = fixtures.careLeaver(pa, name);
    TestSocket socket = TestSocket.connect(harbour, fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6)));
    sockets.add(socket);
    socket.next("welcome");
    socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", said));
    socket.next("ack");
    String id = invite.getString("careLeaverId");
    youngSockets.put(id, socket);
    return id;
  }

  private void signIn(ChromeDriver browser, String username) {
    signInStaff(browser, username, "/console");
    connected(browser);
  }

  /** Connected, with the shift and the first queue (read as text: on a phone the queue may be the hidden view). */
  private static void connected(ChromeDriver browser) {
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call-now")).getDomProperty("textContent").isEmpty()
        && !d.findElements(By.cssSelector("#queue li")).isEmpty());
  }

  /** A fresh page load (from a blank page: a new #fragment alone would not load the page again). */
  private void load(ChromeDriver browser, Viewport size, String fragment) {
    size.apply(browser);
    browser.get("about:blank");
    browser.get(harbour.baseUrl() + "/console" + fragment);
    connected(browser);
  }

  private static By item(String conversationId) {
    return By.cssSelector(".queue-item[data-conversation-id='" + conversationId + "'] button");
  }

  private static String text(ChromeDriver browser, By by) {
    return Browser.read(browser, by, WebElement::getText);
  }

  private void open(ChromeDriver browser, String conversationId, String name) {
    Browser.openFromQueue(browser, conversationId);
    Browser.waitFor(browser).until(d -> d.findElement(By.id("conversation-title")).getText().startsWith(name + " – "));
  }

  private static boolean onScreen(ChromeDriver browser, WebElement element) {
    return (Boolean) browser.executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + "return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;",
        element);
  }

  private static boolean pageScrolls(ChromeDriver browser) {
    return (Boolean) browser.executeScript("const e = document.documentElement; return e.scrollHeight > innerHeight + 1 || e.scrollWidth > innerWidth + 1");
  }

  /** Wider than the screen (a phone's emulated viewport can grow to fit the page, so innerWidth is not the measure). */
  private static boolean scrollsSideways(ChromeDriver browser, Viewport size) {
    return (Boolean) browser.executeScript("return document.documentElement.scrollWidth > arguments[0] + 1", size.width());
  }

  private static Predicate<JsonObject> messageSaying(String text) {
    return f -> "message".equals(f.getString("type")) && text.equals(f.getJsonObject("message").getString("text"));
  }

  private void noViolations(ChromeDriver browser, String page) {
    List<String> violations = Axe.violations(browser);
    assertTrue(violations.isEmpty(), page + ":\n" + String.join("\n", violations));
  }

  @Test
  @Order(1)
  @DisplayName("The queue shows each wait by Harbour's clock, the risk and urgent tags, who has it and a preview; nothing can be sent, resolved or transferred before a conversation is open")
  void queueAtAGlance() {
    load(priya, Viewport.LAPTOP, "");
    String jay = Browser.waitFor(priya).until(d -> {
      String words = d.findElement(item(jayId)).getText();
      return words.contains("Risk:") ? words : null;
    });
    // Jay wrote at 18:00 by Harbour's clock, which now says 18:07: the browser's own clock is months away.
    assertTrue(jay.startsWith("Jay – waiting 7 min, escalated"), jay);
    assertTrue(jay.contains("Urgent"), jay);
    assertTrue(jay.contains(KICKED_OUT), "the preview: " + jay);
    assertTrue(text(priya, item(kaiId)).startsWith("Kai – waiting 5 min"), text(priya, item(kaiId)));
    // The first item is the risk-flagged one, and the title says only how many wait.
    assertEquals(jayId, priya.findElement(By.cssSelector("#queue li.queue-item")).getDomAttribute("data-conversation-id"));
    assertFalse(priya.getTitle().contains("kicked") || priya.getTitle().contains("Jay"), priya.getTitle());

    assertEquals("No conversation open", text(priya, By.id("conversation-title")));
    for (String id : List.of("send", "resolve", "transfer-send", "urgent", "transcript", "composer", "transfer-to", "card-query")) {
      assertFalse(priya.findElement(By.id(id)).isEnabled(), id + " is disabled with no conversation open");
    }
  }

  @Test
  @Order(2)
  @DisplayName("The on-call line changes as soon as the rota does, both ways")
  void onCallLineFollowsTheRota() {
    load(priya, Viewport.LAPTOP, "");
    Browser.waitFor(priya).until(d -> text(priya, By.id("on-call-now")).contains("On call: Ali Khan (not signed in), Priya Shah (available)."));
    String line = text(priya, By.id("on-call-now"));
    assertTrue(line.contains("Backup: Sam Jones") && line.contains("Duty manager: Jo Patel."), line);

    TestSession manager = fixtures.signedIn("jo");
    var sick = manager.post("/api/rota/overrides", new JsonObject().put("kind", "SICKNESS").put("adviser", "ali")
        .put("start", "2026-11-25T17:00").put("end", "2026-11-26T09:00"));
    assertEquals(201, sick.statusCode(), sick.bodyAsString());
    Browser.waitFor(priya).until(d -> text(priya, By.id("on-call-now")).startsWith("On call: Priya Shah (available)."));
    assertFalse(text(priya, By.id("on-call-now")).contains("Ali"));

    String id = sick.bodyAsJsonObject().getJsonObject("override").getString("id");
    assertEquals(200, manager.json(HttpMethod.DELETE, "/api/rota/overrides/" + id, null).statusCode());
    Browser.waitFor(priya).until(d -> text(priya, By.id("on-call-now")).contains("Ali Khan"));
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @Order(3)
  @DisplayName("A private note is its own choice, looks different, never reaches the young person, is confirmed in the thread, and the next message is a reply again")
  void noteNeverReachesTheYoungPerson(Viewport size) {
    TestSocket young = youngSockets.get(jayId);
    load(priya, size, "");
    open(priya, jayId, "Jay");
    WebElement form = priya.findElement(By.id("chat-form"));
    assertEquals("Reply to Jay", text(priya, By.id("composer-label")));
    assertEquals("text", form.getDomAttribute("data-mode"));

    priya.findElement(By.cssSelector("label[for=mode-note]")).click();
    assertEquals("note", form.getDomAttribute("data-mode"));
    assertEquals("Private note – only staff see this", text(priya, By.id("composer-label")));
    assertEquals("Save note", text(priya, By.id("send")));
    assertEquals("rgba(255, 244, 206, 1)", priya.findElement(By.id("composer")).getCssValue("background-color"), "a note is yellow, like notes in the thread");
    String note = "Note at " + size + ": checked the hostel list";
    priya.findElement(By.id("composer")).sendKeys(note);
    if (size == Viewport.LAPTOP) {
      size.screenshot(priya, "console-note");
    }
    priya.findElement(By.id("composer")).sendKeys(Keys.ENTER);

    WebElement inThread = Browser.waitFor(priya).until(d -> d.findElements(By.cssSelector("#messages li.note")).stream()
        .filter(li -> li.getText().contains(note) && li.getText().contains("Saved, staff only")).findFirst().orElse(null));
    assertTrue(inThread.getText().contains("Private note – not shown to the young person"), inThread.getText());
    Browser.waitFor(priya).until(d -> text(priya, By.id("note-saved")).equals("Private note saved. Jay cannot see it."));
    assertEquals("text", form.getDomAttribute("data-mode"), "back to a reply after sending");
    assertTrue(priya.findElement(By.id("mode-reply")).isSelected());
    assertEquals("Send", text(priya, By.id("send")));
    assertFalse(young.arrivesBefore(messageSaying(note), Barrier.history()), "the note never reaches Jay");

    String reply = "Reply at " + size + ": I'm here, Jay.";
    priya.findElement(By.id("composer")).sendKeys(reply);
    priya.findElement(By.id("send")).click();
    assertEquals("text", young.next(messageSaying(reply)).getJsonObject("message").getString("kind"));
  }

  @Test
  @Order(4)
  @DisplayName("What is typed stays with its conversation, with its choice of reply or note")
  void draftsStayWithTheirConversation() {
    load(priya, Viewport.LAPTOP, "");
    open(priya, jayId, "Jay");
    priya.findElement(By.cssSelector("label[for=mode-note]")).click();
    priya.findElement(By.id("composer")).sendKeys("Half a note about Jay");
    open(priya, kaiId, "Kai");
    assertEquals("", priya.findElement(By.id("composer")).getDomProperty("value"), "nothing carried over to Kai");
    assertEquals("text", priya.findElement(By.id("chat-form")).getDomAttribute("data-mode"));
    assertEquals("Reply to Kai", text(priya, By.id("composer-label")));
    open(priya, jayId, "Jay");
    assertEquals("Half a note about Jay", priya.findElement(By.id("composer")).getDomProperty("value"));
    assertEquals("note", priya.findElement(By.id("chat-form")).getDomAttribute("data-mode"));
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @Order(5)
  @DisplayName("Transfer picks an adviser on shift from a list with their status and load")
  void transferFromTheList(Viewport size) {
    if (sam == null) {
      sam = TestSocket.connect(harbour, fixtures.signedIn("sam"));
      sockets.add(sam);
      sam.next("welcome");
    }
    String id = transferees.get(size);
    String name = Map.of(Viewport.LAPTOP, "Lee", Viewport.PHONE, "Mo", Viewport.SMALL_PHONE, "Nia").get(size);
    load(priya, size, "");
    open(priya, id, name);
    WebElement list = priya.findElement(By.id("transfer-to"));
    priya.executeScript("arguments[0].scrollIntoView({block: 'center'})", list);
    Browser.waitFor(priya).until(d -> list.findElements(By.cssSelector("optgroup[label='On shift now'] option[value=sam]")).size() == 1);
    String samOption = list.findElement(By.cssSelector("option[value=sam]")).getText();
    assertTrue(samOption.startsWith("Sam Jones – available, ") && samOption.contains(" of 3"), samOption);
    assertTrue(list.findElement(By.cssSelector("option[value=ali]")).getText().startsWith("Ali Khan – not signed in, "));
    assertEquals(1, list.findElements(By.cssSelector("optgroup[label='Not on shift'] option[value=kim]")).size(), "Kim is not on the rota tonight");
    assertTrue(list.findElements(By.cssSelector("option[value=priya]")).isEmpty(), "not yourself");

    new Select(list).selectByValue("sam");
    priya.findElement(By.id("transfer-note")).sendKeys("Asked about their PA");
    priya.findElement(By.id("transfer-send")).click();
    Browser.waitFor(priya).until(d -> text(priya, By.id("transfer-done")).equals("Transferred to Sam Jones."));
    assertTrue(youngSockets.get(id).next(messageSaying("You are now talking with Sam.")) != null);
    sam.next(f -> "conversation".equals(f.getString("type")) && id.equals(f.getJsonObject("conversation").getString("id"))
        && "sam".equals(f.getJsonObject("conversation").getString("assignedTo")));
  }

  @Test
  @Order(6)
  @DisplayName("At 1366×768 the reply box, Transfer and the help cards are all in view without scrolling the page; suggestions come as the conversation opens")
  void fitsALaptop() {
    load(priya, Viewport.LAPTOP, "");
    open(priya, jayId, "Jay");
    WebElement suggestion = Browser.waitFor(priya).until(d -> d.findElements(By.cssSelector("#card-suggestions li")).stream()
        .filter(li -> li.getText().contains("(they said: kicked out, where to sleep)")).findFirst().orElse(null));
    Browser.waitFor(priya).until(ExpectedConditions.visibilityOfElementLocated(By.id("risk-flag")));
    assertEquals("composer", priya.switchTo().activeElement().getDomAttribute("id"), "chosen from the queue, the cursor is in the reply box");
    for (String id : List.of("composer", "send", "mode-note", "transfer-to", "transfer-send", "cards-heading", "card-query", "resolve")) {
      WebElement element = priya.findElement(By.id(id));
      assertTrue(onScreen(priya, id.equals("mode-note") ? priya.findElement(By.cssSelector("label[for=mode-note]")) : element), id + " in view");
    }
    assertTrue(onScreen(priya, suggestion), "the first suggestion in view");
    assertFalse(pageScrolls(priya), "the page itself does not scroll");
    Viewport.LAPTOP.screenshot(priya, "console");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("phones")
  @Order(7)
  @DisplayName("On a phone the queue and the conversation are two views, with Back between them")
  void twoViewsOnAPhone(Viewport size) {
    load(priya, size, "");
    assertTrue(priya.findElement(By.id("queue-pane")).isDisplayed());
    assertFalse(priya.findElement(By.id("conversation")).isDisplayed());
    assertFalse(scrollsSideways(priya, size), "queue at " + size);
    size.screenshot(priya, "console-queue");

    open(priya, kaiId, "Kai");
    assertFalse(priya.findElement(By.id("queue-pane")).isDisplayed());
    assertTrue(priya.findElement(By.id("back")).isDisplayed());
    assertTrue(onScreen(priya, priya.findElement(By.id("back"))), "Back at the top");
    assertEquals("conversation-title", priya.switchTo().activeElement().getDomAttribute("id"), "focus on the title, not the reply box: no keyboard over the thread");
    for (String id : List.of("composer", "send")) {
      assertTrue(onScreen(priya, priya.findElement(By.id(id))), id + " in view under the thread at " + size);
    }
    assertFalse(scrollsSideways(priya, size), "conversation at " + size);
    size.screenshot(priya, "console");

    priya.findElement(By.id("back")).click();
    assertTrue(priya.findElement(By.id("queue-pane")).isDisplayed());
    assertFalse(priya.findElement(By.id("conversation")).isDisplayed());
    assertEquals(kaiId, priya.switchTo().activeElement().findElement(By.xpath("..")).getDomAttribute("data-conversation-id"), "back on Kai's item");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @Order(8)
  @DisplayName("Loading a conversation's address, a keyboard reaches the reply box in at most three Tab presses: the first is 'Skip to the reply box'")
  void keyboardReachesTheReplyBox(Viewport size) {
    load(priya, size, "#conversation=" + kaiId);
    Browser.waitFor(priya).until(d -> text(priya, By.id("conversation-title")).startsWith("Kai – "));
    assertEquals("body", priya.switchTo().activeElement().getTagName(), "a page load leaves focus at the top of the page");
    int presses = 0;
    while (presses < 3 && !"composer".equals(priya.switchTo().activeElement().getDomAttribute("id"))) {
      new Actions(priya).sendKeys(Keys.TAB).perform();
      presses++;
      WebElement active = priya.switchTo().activeElement();
      if ("#composer".equals(active.getDomAttribute("href"))) {
        assertEquals("Skip to the reply box", active.getText());
        active.sendKeys(Keys.ENTER);
      }
    }
    assertEquals("composer", priya.switchTo().activeElement().getDomAttribute("id"), "reached the reply box in " + presses + " Tab presses at " + size);
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @Order(9)
  @DisplayName("axe-core finds no WCAG 2.2 AA violation in the console (a flagged conversation open, and none), the rota, the catalogue, the audit log or Young people")
  void staffPagesPassAxe(Viewport size) {
    load(priya, size, "#conversation=" + jayId);
    Browser.waitFor(priya).until(ExpectedConditions.visibilityOfElementLocated(By.id("risk-flag")));
    Browser.waitFor(priya).until(d -> !d.findElements(By.cssSelector("#card-suggestions li")).isEmpty());
    priya.findElement(By.cssSelector("label[for=mode-note]")).click();
    noViolations(priya, "/console with Jay open, writing a note, at " + size);

    load(jo, size, "");
    noViolations(jo, "/console with nothing open at " + size);
    for (String path : List.of("/rota", "/catalogue", "/audit", "/people")) {
      size.apply(jo);
      jo.get(harbour.baseUrl() + path);
      noViolations(jo, path + " at " + size);
    }
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("sizes")
  @Order(10)
  @DisplayName("axe-core finds no WCAG 2.2 AA violation in the manager's dashboard (/reports, issue 14; skipped until it exists on this branch)")
  void dashboardPassesAxe(Viewport size) {
    int status = fixtures.signedIn("jo").get("/reports").statusCode();
    Assumptions.assumeTrue(status != 404, "/reports is not on this branch yet");
    size.apply(jo);
    jo.get(harbour.baseUrl() + "/reports");
    noViolations(jo, "/reports at " + size);
  }

  @Test
  @Order(11)
  @DisplayName("In a busy moment the queue's summaries come together in one frame, and every item still shows what the server holds")
  void busyMomentKeepsTheQueueTrue() {
    TestSession pa = fixtures.signedIn("sam");
    List<String> ids = List.of(youngPerson(pa, "Ola", "Hello?"), youngPerson(pa, "Pat", "Hello?"), youngPerson(pa, "Quin", "Hello?"));
    load(priya, Viewport.LAPTOP, "");
    ids.forEach(id -> Browser.waitFor(priya).until(d -> !d.findElements(item(id)).isEmpty()));
    // Everyone at once: the first summary goes straight away, the rest of the moment's together.
    for (int i = 1; i <= 3; i++) {
      for (String id : ids) {
        youngSockets.get(id).send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "Are you there? " + i));
      }
    }
    ids.forEach(id -> {
      for (int i = 0; i < 3; i++) {
        youngSockets.get(id).next("ack");
      }
    });
    for (String id : ids) {
      long unread = Eventually.eventually(() -> harbour.harbour().services().chat().peek(id).orElseThrow().unreadForStaff(), n -> n >= 4);
      By badge = By.cssSelector(".queue-item[data-conversation-id='" + id + "'] .badge");
      Browser.waitFor(priya).until(d -> String.valueOf(unread).equals(d.findElement(badge).getText()) ? true : null);
    }
  }

  @Test
  @Order(12)
  @DisplayName("Next-day handover items made before the PA opens the console are under 'Needs you now' when it opens, and 'I've got this' picks one up")
  void handoverItemsWaitForTheConsole() {
    // The next morning: Sam, the PA of everyone here, has no console open when the items are made.
    clock.setLocal("2026-11-26T09:00");
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
    Eventually.eventually(() -> harbour.harbour().services().chat().peek(jayId).orElseThrow().paHandoverPending(), pending -> pending);

    ChromeDriver samBrowser = openBrowser();
    signIn(samBrowser, "sam");
    By jaysItem = By.xpath("//ul[@id='alerts']/li[p[contains(., 'Out-of-hours handover about Jay:')]]");
    Browser.waitFor(samBrowser).until(d -> d.findElement(By.id("alerts-box")).isDisplayed() && !d.findElements(jaysItem).isEmpty());
    String kai = text(samBrowser, item(kaiId));
    assertTrue(kai.contains("handover for you"), kai);
    // The item comes first, but does not hide whether Kai is still waiting for a reply.
    assertEquals(harbour.harbour().services().chat().peek(kaiId).orElseThrow().awaitingReply(), kai.contains("handover for you, waiting"), kai);
    noViolations(samBrowser, "the console with handover items");

    samBrowser.findElement(jaysItem).findElement(By.xpath(".//button[normalize-space()=\"I've got this\"]")).click();
    Eventually.eventually(() -> harbour.harbour().services().chat().peek(jayId).orElseThrow().paHandoverPending(), pending -> !pending);
    Browser.waitFor(samBrowser).until(d -> d.findElements(jaysItem).isEmpty());
  }
}
