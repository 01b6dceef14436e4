package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * words. Wednesday 25 November
 * 2026 with {@link Rotas#wednesdayEvening()} (Ali and Priya on call, Sam backup, Jo duty manager);
 * only Ali's console is open, so routing gives Ali the conversations.
 */
@DisplayName("In a real browser, the console puts a flagged conversation first and helps staff act on it")
@Timeout(180)
class RiskConsoleBrowserTest extends BrowserTestBase {

  private static final String RISKY = "I want to end it tonight";
  private static final String ORDINARY = "can you send me the link again";

  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private Fixtures fixtures;
  private TestSession sam;
  private ChromeDriver browser;

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600)));
  }

  @BeforeAll
  void start() throws IOException {
    fixtures = new Fixtures(harbour);
    for (String adviser : List.of("ali", "priya", "sam")) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    sam = fixtures.signedIn("sam");
    Rotas.use(harbour, Rotas.wednesdayEvening());
    browser = openBrowser();
    // Records sounds and notifications instead of making them (shared with ConsoleAttentionBrowserTest).
    try (InputStream recorders = RiskConsoleBrowserTest.class.getResourceAsStream("/uk/harbour/chat/console-recorders.js")) {
      browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", new String(recorders.readAllBytes(), StandardCharsets.UTF_8)));
    }
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

  private int audited(AuditAction action, String subject) {
    return RunningHarbour.await(harbour.harbour().services().audit().find(
        new AuditQuery(java.util.Optional.empty(), java.util.Optional.of(action), java.util.Optional.of(subject),
            java.util.Optional.empty(), java.util.Optional.empty(), 20))).size();
  }

  private void signInToConsole(String username) {
    browser.manage().deleteAllCookies();
    browser.get(harbour.baseUrl() + "/signin");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/console"));
    // Connected, with its first queue.
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call-now")).getText().isEmpty());
  }

  private By item(String conversationId) {
    return By.cssSelector(".queue-item[data-conversation-id='" + conversationId + "'] button");
  }

  private void openConversation(String conversationId) {
    // The queue re-renders as summaries arrive: a click on an item just replaced is tried again.
    Browser.waitFor(browser).until(d -> {
      d.findElement(item(conversationId)).click();
      return true;
    });
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
  }

  /** On a phone-sized window the queue and the conversation take turns. */
  private void backToQueue() {
    browser.findElement(By.id("back")).click();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
  }

  private String text(By by) {
    return browser.findElement(by).getText();
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
  @DisplayName("A risky message puts the conversation first with its tags in words; the alert, title and notifications give nothing away")
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
    WebElement jayItem = browser.findElement(item(jay.id()));
    String riskTag = "Risk: " + lowerFirst(suicide);
    Browser.waitFor(browser).until(d -> d.findElement(item(jay.id())).getText().contains(riskTag));
    assertTrue(jayItem.getText().contains("Urgent"), jayItem.getText());
    String accessibleName = browser.findElement(item(jay.id())).getAccessibleName();
    assertTrue(accessibleName.contains(riskTag) && accessibleName.contains("Urgent"), accessibleName);
    String moItem = browser.findElement(item(mo.id())).getText();
    assertFalse(moItem.contains("Risk") || moItem.contains("Urgent"), moItem);
    List<WebElement> items = browser.findElements(By.cssSelector("#queue .queue-item"));
    assertEquals(mo.id(), items.get(1).getAttribute("data-conversation-id"), "the longer wait comes after the flag");

    // The alert: "Needs you now", a generic notification, a title with only a count.
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-box")));
    assertNothingSaid(text(By.id("alerts-box")));
    Browser.waitFor(browser).until(d -> notifications().stream().anyMatch(n -> String.valueOf(n.get("tag")).equals("harbour-" + jay.id())));
    for (Map<String, Object> notification : notifications()) {
      assertEquals("Harbour", notification.get("title"));
      assertNothingSaid(notification.get("title") + " " + notification.get("body"), "Jay", "Mo");
    }
    assertTrue(browser.getTitle().matches("\\(\\d+\\) Console – Harbour"), browser.getTitle());
    assertNothingSaid(browser.getTitle(), "Jay", "Mo");
    assertNothingSaid(text(By.id("queue")));
  }
}
