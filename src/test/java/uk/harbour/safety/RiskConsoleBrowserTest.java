package uk.harbour.safety;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.chat.Conversation;
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

/**
 * Issue 13 in the staff console: a flagged conversation is first in the queue with a risk tag in
 * words, opening it shows the flag and the staff guidance for it, and an adviser raises and clears
 * flags with a reason through the forms; refusals are said in plain English. Wednesday 25 November
 * 2026 with {@link Rotas#wednesdayEvening()} (Ali and Priya on call, Sam backup, Jo duty manager);
 * only Ali's console is open, so routing gives Ali the conversations.
 */
@DisplayName("In a real browser, the console puts a flagged conversation first and helps staff act on it")
@Timeout(180)
class RiskConsoleBrowserTest extends BrowserTestBase {

  private static final String RISKY = "I want to end it tonight";
  private static final String ORDINARY = "can you send me the link again";
  private static final int RECEIPT_SECONDS = 5;

  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private Fixtures fixtures;
  private TestSession sam;
  private ChromeDriver browser;

  @Override
  protected RunningHarbour startHarbour() {
    // Receipts waited for the shortest time allowed: the console must confirm each alert it gets.
    return RunningHarbour.start(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600).put("alertReceiptSeconds", RECEIPT_SECONDS)));
  }

  @BeforeAll
  void start() {
    fixtures = new Fixtures(harbour);
    for (String adviser : List.of("ali", "priya", "sam")) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    sam = fixtures.signedIn("sam");
    Rotas.use(harbour, Rotas.wednesdayEvening());
    browser = openBrowser();
    // Records sounds and notifications instead of making them (shared with ConsoleAttentionBrowserTest).
    beforeEveryPage(browser, "/uk/harbour/chat/console-recorders.js");
  }

  private record YoungPerson(String id, TestSocket socket) {}

  /** A young person of Sam's, connected over a real socket (closed with Harbour). */
  private YoungPerson youngPerson(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    TestSession session = fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6));
    TestSocket socket = TestSocket.connect(harbour, session);
    socket.next("welcome");
    return new YoungPerson(invite.getString("careLeaverId"), socket);
  }

  private static void say(YoungPerson who, String text) {
    who.socket().send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", text));
    who.socket().next("ack");
  }

  private Conversation conversation(String id, Predicate<Conversation> condition) {
    return Eventually.eventually(() -> harbour.harbour().services().chat().peek(id).orElse(null), c -> c != null && condition.test(c));
  }

  /** Audit entries are written just after the record is stored: wait for them with {@link Eventually}. */
  private int audited(AuditAction action, String subject) {
    return RunningHarbour.await(harbour.harbour().services().audit().find(
        new AuditQuery(java.util.Optional.empty(), java.util.Optional.of(action), java.util.Optional.of(subject),
            java.util.Optional.empty(), java.util.Optional.empty(), 20))).size();
  }

  private void signInToConsole(String username) {
    browser.manage().deleteAllCookies();
    signInStaff(browser, username, "/console");
    // Connected, with its first queue.
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call-now")).getText().isEmpty());
  }

  private By item(String conversationId) {
    return By.cssSelector(".queue-item[data-conversation-id='" + conversationId + "'] button");
  }

  private void openConversation(String conversationId) {
    Browser.openFromQueue(browser, conversationId);
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
  }

  /** On a phone-sized window the queue and the conversation take turns. */
  private void backToQueue() {
    browser.findElement(By.id("back")).click();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
  }

  private String text(By by) {
    return Browser.read(browser, by, WebElement::getText);
  }

  /** Raises the open conversation's risk form, or clears it, by pressing its button. */
  private void submit(String form) {
    browser.findElement(By.cssSelector("#risk-" + form + "-form button[type=submit]")).click();
  }

  private void expand(String form) {
    WebElement details = browser.findElement(By.id("risk-" + form));
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
  }

  private JsonObject guidance() {
    var response = fixtures.signedIn("ali").get("/api/safety/guidance");
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject().getJsonObject("categories");
  }

  private String title(JsonObject guidance, String category) {
    return guidance.getJsonObject(category).getString("title");
  }

  private static String lowerFirst(String words) {
    return Character.toLowerCase(words.charAt(0)) + words.substring(1);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> notifications() {
    return (List<Map<String, Object>>) browser.executeScript("return window.__harbour.notifications");
  }

  private void assertNothingSaid(String where, String... names) {
    for (String words : List.of(RISKY, ORDINARY, "end it")) {
      assertFalse(where.contains(words), "no message text: " + where);
    }
    for (String name : names) {
      assertFalse(where.contains(name), "no name: " + where);
    }
  }

  @Test
  @DisplayName("A risky message puts the conversation first with its tags; it shows the guidance; raising a second concern and clearing with a reason work, and a reason is required")
  void flaggedConversationInTheConsole() {
    JsonObject guidance = guidance();
    String suicide = title(guidance, "suicide_self_harm");
    String noSafePlace = title(guidance, "no_safe_place");
    signInToConsole("ali");
    browser.findElement(By.id("queue-heading")).click();
    browser.findElement(By.id("notify-toggle")).click();
    Browser.waitFor(browser).until(d -> d.findElement(By.id("notify-toggle")).getText().equals("Turn off notifications"));

    // Mo has waited longer with an ordinary question; then Jay's words show risk.
    YoungPerson mo = youngPerson("Mo");
    say(mo, ORDINARY);
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(item(mo.id())));
    clock.setLocal("2026-11-25T18:02");
    YoungPerson jay = youngPerson("Jay");
    say(jay, RISKY);
    conversation(jay.id(), c -> c.risk().flagged() && c.escalationLevel() > 0);

    // The queue: Jay first, with the risk in words and "Urgent"; Mo after, with neither.
    Browser.waitFor(browser).until(d -> jay.id().equals(
        d.findElement(By.cssSelector("#queue .queue-item:first-child")).getAttribute("data-conversation-id")));
    String riskTag = "Risk: " + lowerFirst(suicide);
    // Found afresh each time: the queue re-renders as summaries arrive.
    Browser.waitFor(browser).until(d -> d.findElement(item(jay.id())).getText().contains(riskTag));
    Browser.waitFor(browser).until(d -> d.findElement(item(jay.id())).getText().contains("Urgent"));
    String accessibleName = Browser.read(browser, item(jay.id()), WebElement::getAccessibleName);
    assertTrue(accessibleName.contains(riskTag) && accessibleName.contains("Urgent"), accessibleName);
    String moItem = text(item(mo.id()));
    assertFalse(moItem.contains("Risk") || moItem.contains("Urgent"), moItem);
    assertEquals(mo.id(), Browser.read(browser, By.cssSelector("#queue .queue-item:nth-child(2)"), e -> e.getAttribute("data-conversation-id")),
        "the longer wait comes after the flag");

    // The alert: "Needs you now", a generic notification, a title with only a count.
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-box")));
    assertNothingSaid(text(By.id("alerts-box")));
    Browser.waitFor(browser).until(d -> notifications().stream().anyMatch(n -> String.valueOf(n.get("tag")).equals("harbour-" + jay.id())));
    for (Map<String, Object> notification : notifications()) {
      assertEquals("Harbour", notification.get("title"));
      assertNothingSaid(notification.get("title") + " " + notification.get("body"), "Jay", "Mo");
    }
    assertTrue(browser.getTitle().matches("\\(\\d+\\) Console – Harbour"), browser.getTitle());
    // The console confirmed the alert as it arrived: past the receipt wait, it still counts as seen.
    await().during(Duration.ofSeconds(RECEIPT_SECONDS + 2)).atMost(Duration.ofSeconds(RECEIPT_SECONDS + 10))
        .until(() -> harbour.harbour().services().routing().unseenAlerts() == 0);
    assertNothingSaid(browser.getTitle(), "Jay", "Mo");
    // The queue itself shows the newest words as a one-line preview (staff only, issue 15), and
    // only there: the alert, the notification and the title above say none of them.
    assertTrue(text(item(jay.id())).contains(RISKY), text(item(jay.id())));

    // Open: the flag and the guidance for its category, straight from GET /api/safety/guidance.
    openConversation(jay.id());
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("risk-flag")));
    Browser.waitFor(browser).until(d -> d.findElement(By.id("risk-summary")).getText().contains(suicide));
    String summary = text(By.id("risk-summary"));
    assertTrue(summary.contains("High") && summary.contains("Harbour's risk check"), summary);
    assertEquals(List.of("What to do: " + suicide, "Help cards to send"),
        browser.findElements(By.cssSelector("#risk-guidance h4")).stream().map(WebElement::getText).toList());
    List<String> steps = browser.findElements(By.cssSelector("#risk-guidance ol li")).stream().map(WebElement::getText).toList();
    assertEquals(guidance.getJsonObject("suicide_self_harm").getJsonArray("steps").getList(), steps);
    JsonArray cards = guidance.getJsonObject("suicide_self_harm").getJsonArray("cards");
    assertEquals(cards.size(), browser.findElements(By.cssSelector("#risk-guidance .risk-cards button")).size());
    String firstCardName = fixtures.signedIn("ali").get("/api/signposting/entries/" + cards.getString(0)).bodyAsJsonObject().getString("name");
    Browser.waitFor(browser).until(d -> d.findElement(By.cssSelector("#risk-guidance .risk-cards li:first-child span")).getText().equals(firstCardName));
    assertNothingSaid(text(By.id("risk")));

    // A card the guidance names goes into the chat with the console's card control.
    WebElement send = browser.findElement(By.cssSelector("#risk-guidance .risk-cards li:first-child button"));
    assertEquals("Send card: " + firstCardName, send.getAccessibleName());
    send.click();
    Browser.waitFor(browser).until(d -> d.findElement(By.cssSelector("#risk-guidance .risk-cards li:first-child button")).getText().equals("Sent"));
    jay.socket().next(f -> "message".equals(f.getString("type")) && "ali".equals(f.getJsonObject("message").getJsonObject("sender").getString("id"))
        && cards.getString(0).equals(f.getJsonObject("message").getJsonObject("card").getString("entryId")));

    // Raise a second concern by hand, with a reason.
    expand("raise");
    WebElement already = browser.findElement(By.cssSelector("#risk-raise-choices input[value='suicide_self_harm']"));
    assertEquals(suicide + " (already flagged)", already.findElement(By.xpath("..")).getText());
    WebElement homeless = browser.findElement(By.cssSelector("#risk-raise-choices input[value='no_safe_place']"));
    assertEquals(noSafePlace, homeless.findElement(By.xpath("..")).getText());
    homeless.click();
    String raiseReason = "Says the hostel asked him to leave today";
    browser.findElement(By.id("risk-raise-reason")).sendKeys(raiseReason);
    submit("raise");
    Browser.waitFor(browser).until(d -> d.findElement(By.id("risk-done")).getText().startsWith("Concern raised"));
    assertEquals(browser.findElement(By.id("risk-done")), browser.switchTo().activeElement(), "the confirmation takes the focus");
    Conversation raised = conversation(jay.id(), c -> c.risk().categories().contains("no_safe_place"));
    assertEquals("ali", raised.risk().flaggedBy());
    Eventually.eventually(() -> audited(AuditAction.RISK_RAISED, jay.id()) == 1);
    Browser.waitFor(browser).until(d -> d.findElement(By.id("risk-summary")).getText().contains(noSafePlace));
    assertTrue(text(By.id("risk-summary")).contains("You (ali)"), text(By.id("risk-summary")));
    assertEquals(2, browser.findElements(By.cssSelector("#risk-guidance ol")).size(), "guidance for both categories");
    Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector("#messages li[data-kind='alert']")).stream().anyMatch(li -> li.getText().contains(raiseReason)));
    backToQueue();
    String bothTags = "Risk: " + lowerFirst(suicide) + ", " + lowerFirst(noSafePlace);
    Browser.waitFor(browser).until(d -> d.findElement(item(jay.id())).getText().contains(bothTags));

    // Clearing needs a reason: the error summary says so and takes the focus; nothing is sent.
    openConversation(jay.id());
    expand("clear");
    submit("clear");
    WebElement problem = browser.findElement(By.cssSelector("#risk-clear-form .error-summary"));
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOf(problem));
    assertTrue(problem.getText().contains("Write why it is safe to clear the flag"), problem.getText());
    assertEquals(problem, browser.switchTo().activeElement(), "the error summary takes the focus");
    assertEquals("true", browser.findElement(By.id("risk-clear-reason")).getAttribute("aria-invalid"));
    assertTrue(browser.findElement(By.id("risk-clear-reason-error")).isDisplayed());
    assertEquals(0, audited(AuditAction.RISK_CLEARED, jay.id()));

    // With a reason it clears: the panel goes, the thread keeps the record, the conversation stays urgent.
    String clearReason = "Talked it through; he is at his aunt's tonight and safe";
    browser.findElement(By.id("risk-clear-reason")).sendKeys(clearReason);
    submit("clear");
    Browser.waitFor(browser).until(d -> d.findElement(By.id("risk-done")).getText().startsWith("Flag cleared"));
    Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("risk-flag")));
    assertFalse(browser.findElement(By.id("risk-clear")).isDisplayed(), "nothing left to clear");
    assertFalse(browser.findElement(By.cssSelector("#risk-clear-form .error-summary")).isDisplayed());
    Conversation cleared = conversation(jay.id(), c -> !c.risk().flagged());
    assertEquals("urgent", cleared.priority());
    Eventually.eventually(() -> audited(AuditAction.RISK_CLEARED, jay.id()) == 1);
    Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector("#messages li[data-kind='alert']")).stream().anyMatch(li -> li.getText().contains(clearReason)));
    backToQueue();
    // Read inside the wait: the queue may re-render the item between finding it and reading it.
    String item = Browser.waitFor(browser).until(d -> {
      String text = d.findElement(item(jay.id())).getText();
      return text.contains("Risk") ? null : text;
    });
    assertTrue(item.contains("Urgent"), item);
    assertNothingSaid(browser.getTitle(), "Jay", "Mo");
    for (Map<String, Object> notification : notifications()) {
      assertNothingSaid(notification.get("title") + " " + notification.get("body"), "Jay", "Mo");
    }
  }

  @Test
  @DisplayName("A refusal from Harbour (not_found after a transfer) is said in plain English above the form, which takes the focus")
  void refusalIsPlainEnglish() {
    signInToConsole("ali");
    YoungPerson kai = youngPerson("Kai");
    say(kai, "hello, is anyone there");
    openConversation(kai.id());
    expand("raise");
    browser.findElement(By.cssSelector("#risk-raise-choices input[value='abuse_exploitation']")).click();
    browser.findElement(By.id("risk-raise-reason")).sendKeys("An older man keeps picking him up");

    // Meanwhile Jo hands the conversation to Priya: Ali may no longer change it.
    try (TestSocket jo = TestSocket.connect(harbour, fixtures.signedIn("jo"))) {
      jo.next("welcome");
      jo.send(new JsonObject().put("type", "transfer").put("conversationId", kai.id()).put("to", "priya"));
      conversation(kai.id(), c -> "priya".equals(c.assignedTo()));
    }
    submit("raise");
    WebElement problem = browser.findElement(By.cssSelector("#risk-raise-form .error-summary"));
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOf(problem));
    assertTrue(problem.getText().contains("You can no longer change this conversation"), problem.getText());
    assertEquals(problem, browser.switchTo().activeElement(), "the error summary takes the focus");
    assertFalse(browser.findElement(By.id("problem")).isDisplayed(), "said by the form, not the composer");
    assertTrue(browser.findElement(By.cssSelector("#risk-raise-form button[type=submit]")).isEnabled(), "the form can be used again");
    assertFalse(harbour.harbour().services().chat().peek(kai.id()).orElseThrow().risk().flagged());
  }
}
