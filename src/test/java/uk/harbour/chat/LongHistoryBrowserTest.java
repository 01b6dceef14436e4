package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

/**
 * A long conversation opens with one {@code resume}, whose pages the server streams by itself.
 * Before, the page asked again after every page from the newest seq it showed: each new resume
 * restarted the stream, so pages came twice on a young person's data, and a live message already on
 * screen could make it skip the pages behind it.
 */
@DisplayName("Opening a long conversation")
@Timeout(120)
class LongHistoryBrowserTest extends BrowserTestBase {

  private static final int REPLIES = 700;

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 5000)));
  }

  @Test
  @DisplayName("every message arrives once, from one resume, over several pages")
  void everyPageOnce() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam-long", Role.ADVISER);
    TestSession sam = fixtures.signedIn("sam-long");
    JsonObject invite = fixtures.careLeaver(sam, "Ash");
    String conversationId = invite.getString("careLeaverId");
    TestSession ash = fixtures.joined(invite, "ash-long");
    try (TestSocket young = TestSocket.connect(harbour, ash); TestSocket staff = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "first").put("text", "hello"));
      young.next("ack");
      staff.next("welcome");
      for (int i = 1; i <= REPLIES; i++) {
        staff.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", "s" + i).put("text", "reply " + i));
      }
      String last = "s" + REPLIES;
      staff.next(f -> "ack".equals(f.getString("type")) && last.equals(f.getString("clientId")));
    }
    int all = visibleToTheYoungPerson(ash);

    ChromeDriver browser = openBrowser();
    beforeEveryPage(browser, "/uk/harbour/chat/count-frames.js");
    browser.get(harbour.baseUrl() + "/signin/young-person");
    browser.findElement(By.id("loginName")).sendKeys("ash-long");
    browser.findElement(By.id("secret")).sendKeys("purple river toast");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/chat"));

    Browser.waitFor(browser).until(d -> ((Number) browser.executeScript("return document.querySelectorAll('#messages li[data-seq]').length")).intValue() >= all);
    Browser.waitFor(browser).until(d -> ((Number) browser.executeScript("return window.__frames.historyMessages")).intValue() >= all);
    assertEquals(all, ((Number) browser.executeScript("return window.__frames.historyMessages")).intValue(), "each message sent once, not a page twice");
    assertEquals(1, ((Number) browser.executeScript("return window.__frames.resumes")).intValue(), "one resume: the server streams the pages");
  }

  /** How many messages the young person may see, counted from a resume of their own. */
  private int visibleToTheYoungPerson(TestSession session) {
    try (TestSocket young = TestSocket.connect(harbour, session)) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      int count = 0;
      while (true) {
        JsonObject page = young.next("history");
        count += page.getJsonArray("messages").size();
        if (page.getBoolean("complete")) {
          return count;
        }
      }
    }
  }
}
