package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
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

  private Fixtures fixtures;

  /** A long conversation, how many of its messages the young person may see, and the two of them. */
  private record LongConversation(String id, int visible, TestSession adviser, TestSession youngPerson) {}

  @BeforeAll
  void fixtures() {
    fixtures = new Fixtures(harbour);
  }

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 5000)));
  }

  /** A care leaver whose conversation has {@link #REPLIES} replies. */
  private LongConversation longConversation(String staffName, String loginName) {
    fixtures.staff(staffName, Role.ADVISER);
    TestSession sam = fixtures.signedIn(staffName);
    JsonObject invite = fixtures.careLeaver(sam, "Ash");
    String conversationId = invite.getString("careLeaverId");
    TestSession ash = fixtures.joined(invite, loginName);
    try (TestSocket young = TestSocket.connect(harbour, ash); TestSocket staff = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "first").put("text", "hello"));
      young.next("ack");
      staff.next("welcome");
      for (int i = 1; i <= REPLIES; i++) {
        staff.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", "s" + i).put("text", "reply " + i));
        // A hundred at a time: on a loaded machine all 700 acks may take longer than one wait allows.
        if (i % 100 == 0 || i == REPLIES) {
          String last = "s" + i;
          staff.next(f -> "ack".equals(f.getString("type")) && last.equals(f.getString("clientId")));
        }
      }
    }
    return new LongConversation(conversationId, visibleToTheYoungPerson(ash), sam, ash);
  }

  private void signIn(ChromeDriver browser, String loginName) {
    browser.get(harbour.baseUrl() + "/signin/young-person");
    browser.findElement(By.id("loginName")).sendKeys(loginName);
    browser.findElement(By.id("secret")).sendKeys("purple river toast");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/chat"));
  }

  private static int shown(ChromeDriver browser) {
    return ((Number) browser.executeScript("return document.querySelectorAll('#messages li[data-seq]').length")).intValue();
  }

  @Test
  @DisplayName("every message arrives once, from one resume, over several pages")
  void everyPageOnce() {
    int all = longConversation("sam-long", "ash-long").visible();

    ChromeDriver browser = openBrowser();
    beforeEveryPage(browser, "/uk/harbour/chat/count-frames.js");
    signIn(browser, "ash-long");

    Browser.waitFor(browser).until(d -> shown(browser) >= all);
    Browser.waitFor(browser).until(d -> ((Number) browser.executeScript("return window.__frames.historyMessages")).intValue() >= all);
    assertEquals(all, ((Number) browser.executeScript("return window.__frames.historyMessages")).intValue(), "each message sent once, not a page twice");
    assertEquals(1, ((Number) browser.executeScript("return window.__frames.resumes")).intValue(), "one resume: the server streams the pages");
  }

  /**
   * Before, the page resumed from the newest seq on screen: the live message that had come ahead of
   * the pages, so the pages the dropped connection still owed were never shown until a reload.
   */
  @Test
  @DisplayName("the connection drops part-way through the pages, after a live message came ahead of them: the reconnect still brings every page")
  void dropDuringThePages() {
    LongConversation ash = longConversation("sam-drop", "ash-drop");
    int all = ash.visible();

    ChromeDriver browser = openBrowser();
    beforeEveryPage(browser, "/uk/harbour/chat/drop-during-resume.js");
    signIn(browser, "ash-drop");
    Browser.waitFor(browser).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.__drop.pageSeen")));
    try (TestSocket staff = TestSocket.connect(harbour, ash.adviser())) {
      staff.next("welcome");
      staff.send(new JsonObject().put("type", "send").put("conversationId", ash.id()).put("clientId", "live").put("text", "are you still there?"));
      staff.next("ack");
    }
    Browser.waitFor(browser).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.__drop.closed")));
    assertTrue(((Number) browser.executeScript("return window.__drop.lost")).intValue() > 0, "pages were lost with the connection");

    Browser.waitFor(browser).until(d -> shown(browser) >= all + 1);
    assertEquals(all + 1, shown(browser), "every message once, the live one too");
  }

  @Test
  @DisplayName("the same in the console: the adviser's reconnect brings every page the dropped connection owed")
  void dropDuringThePagesInTheConsole() {
    LongConversation ash = longConversation("sam-drop-console", "ash-drop-console");
    int all;
    try (TestSocket staff = TestSocket.connect(harbour, ash.adviser())) {
      staff.next("welcome");
      staff.send(new JsonObject().put("type", "resume").put("conversationId", ash.id()).put("afterSeq", 0));
      all = staff.next(f -> "history".equals(f.getString("type")) && f.getBoolean("complete")).getInteger("lastSeq");
    }

    ChromeDriver browser = openBrowser();
    signInStaff(browser, "sam-drop-console", "/console");
    beforeEveryPage(browser, "/uk/harbour/chat/drop-during-resume.js");
    browser.get("about:blank");
    browser.get(harbour.baseUrl() + "/console#conversation=" + ash.id());
    Browser.waitFor(browser).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.__drop.pageSeen")));
    try (TestSocket young = TestSocket.connect(harbour, ash.youngPerson())) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "live").put("text", "are you still there?"));
      young.next("ack");
    }
    Browser.waitFor(browser).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.__drop.closed")));
    assertTrue(((Number) browser.executeScript("return window.__drop.lost")).intValue() > 0, "pages were lost with the connection");

    Browser.waitFor(browser).until(d -> shown(browser) >= all + 1);
    assertEquals(all + 1, shown(browser), "every message once, the live one too");
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
