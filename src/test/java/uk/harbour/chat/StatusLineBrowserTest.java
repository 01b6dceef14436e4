package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.Viewport;

/**
 * The young person's status line says only what is true: the component (status-line.js) in every
 * state, run in the browser, and the real chat through a night of waiting, a reply and a resolve.
 */
@DisplayName("The young person's status line")
class StatusLineBrowserTest extends BrowserTestBase {

  private ChromeDriver browser;

  /** Wednesday 23:30: after the last shift of Rotas.wednesdayEvening(), before Thursday's office hours. */
  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-25T23:30"));
  }

  @BeforeAll
  void open() {
    browser = openBrowser();
    Viewport.PHONE.apply(browser);
    browser.get(harbour.baseUrl() + "/offline");
  }

  private static JsonObject info() {
    return new JsonObject().put("status", "waiting").put("officeHours", false).put("pa", new JsonObject().put("firstName", "Sam").put("available", false))
        .putNull("now").putNull("talkingWith").putNull("nextAt").putNull("nextAtText").putNull("queuePosition").putNull("typicalReplyMinutes");
  }

  private static JsonObject onCall(String firstName, boolean available) {
    return new JsonObject().put("firstName", firstName).put("available", available);
  }

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of("connecting", false, false, false, null, "Connecting…", null),
        Arguments.of("offline", false, true, false, info().put("talkingWith", "Sam").put("status", "active"),
            "You're offline. What you write is kept on this phone and sent when you're back online. In danger right now? Call 999.", "Sam"),
        Arguments.of("reconnecting", false, true, true, info().put("talkingWith", "Sam").put("status", "active"),
            "Reconnecting… What you write is kept on this phone and sent once we're connected again. In danger right now? Call 999.", "Sam"),
        Arguments.of("resolved", true, true, true, info().put("status", "resolved").put("talkingWith", "Priya"),
            "This conversation is resolved. Send a message any time to start again.", "Priya"),
        Arguments.of("talking", true, true, true, info().put("status", "active").put("talkingWith", "Priya").put("typicalReplyMinutes", 5),
            "You're talking with Priya. Replies usually take about 5 minutes.", null),
        Arguments.of("nobody", true, true, true, info().put("queuePosition", 1).put("nextAtText", "5pm today").put("nextAt", "2026-11-30T17:00:00Z"),
            "Nobody is on shift right now. The next person starts at 5pm today. Your message will be waiting for them. In danger right now? Call 999.", "queue"),
        Arguments.of("queued", true, true, true, info().put("now", onCall("Priya", false)).put("queuePosition", 2),
            "Everyone on shift is busy at the moment. You're number 2 in the queue. The first person free will reply.", null),
        Arguments.of("office-pa-online", true, true, true, info().put("officeHours", true).put("pa", onCall("Sam", true)).put("typicalReplyMinutes", 1),
            "Sam, your personal adviser, is at work and online now. Replies usually take about 1 minute.", null),
        Arguments.of("office-pa-offline", true, true, true, info().put("officeHours", true),
            "Your leaving care team is at work now. Sam isn't online just now, so a reply may take longer.", "helping"),
        Arguments.of("on-call-available", true, true, true, info().put("now", onCall("Priya", true)).put("typicalReplyMinutes", 12),
            "Priya is on call now. Replies usually take about 12 minutes.", null),
        Arguments.of("on-call-busy", true, true, true, info().put("now", onCall("Priya", false)),
            "Priya is on call but busy just now. The first person free will reply.", "queue"));
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  @DisplayName("The component says one true sentence in each state")
  void eachState(String key, boolean connected, boolean everConnected, boolean reachable, JsonObject onCall, String text, String neverSays) {
    Map<String, Object> line = (Map<String, Object>) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import('/static/js/status-line.js').then(m => done(m.statusLine({connected: arguments[0], everConnected: arguments[1], reachable: arguments[2], onCall: JSON.parse(arguments[3])})))",
        connected, everConnected, reachable, onCall == null ? "null" : onCall.encode());
    assertEquals(key, line.get("key"));
    assertEquals(text, line.get("text"));
    if (neverSays != null) {
      assertFalse(((String) line.get("text")).contains(neverSays), "must not say " + neverSays);
    }
  }

  @Test
  @DisplayName("In the real chat: nobody on shift (in the auto-reply's words), then talking with the PA, then resolved with the notice from Harbour")
  void throughAConversation() {
    Fixtures fixtures = new Fixtures(harbour);
    for (String adviser : new String[] {"sam", "ali", "priya"}) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    TestSession pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    ChromeDriver young = openBrowser();
    Viewport.PHONE.apply(young);
    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-status");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    young.findElement(By.id("composer")).sendKeys("Is anyone there?");
    young.findElement(By.id("send")).click();

    // Nobody on shift until 9am: the line and Harbour's reply name the same moment, in the same words.
    String autoReply = Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("li.system .message-text")).stream()
        .map(e -> e.getDomProperty("textContent")).filter(t -> t.contains("The next person starts")).findFirst().orElse(null));
    Browser.waitFor(young).until(d -> "nobody".equals(d.findElement(By.id("on-call")).getDomAttribute("data-state")));
    String line = young.findElement(By.id("on-call")).getText();
    Matcher when = Pattern.compile("The next person starts at (.+?)\\.").matcher(line);
    assertTrue(when.find(), line);
    assertEquals("9am tomorrow", when.group(1));
    assertTrue(autoReply.contains("The next person starts at " + when.group(1)), autoReply + " / " + line);

    TestSocket sam = TestSocket.connect(harbour, pa);
    sam.next("welcome");
    String conversationId = invite.getString("careLeaverId");
    sam.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", "s1").put("text", "Hi Jay, Sam here."));
    sam.next("ack");
    Browser.waitFor(young).until(d -> "talking".equals(d.findElement(By.id("on-call")).getDomAttribute("data-state")));
    assertTrue(young.findElement(By.id("on-call")).getText().startsWith("You're talking with Sam."));

    sam.send(new JsonObject().put("type", "resolve").put("conversationId", conversationId));
    Browser.waitFor(young).until(d -> "resolved".equals(d.findElement(By.id("on-call")).getDomAttribute("data-state")));
    assertFalse(young.findElement(By.id("on-call")).getText().contains("Sam"));
    String notice = Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("li.system")).stream()
        .filter(li -> li.getDomProperty("textContent").contains("marked this conversation as resolved")).findFirst().orElse(null))
        .findElement(By.className("message-sender")).getDomProperty("textContent");
    assertEquals("Harbour", notice);
    sam.close();
  }
}
