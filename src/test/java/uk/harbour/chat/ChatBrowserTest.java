package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;

@DisplayName("In two real browsers, a care leaver and their PA")
class ChatBrowserTest extends BrowserTestBase {

  private ChromeDriver young;
  private ChromeDriver adviser;

  @BeforeAll
  void start() {
    young = openBrowser();
    adviser = openBrowser();
  }

  /** Waits until the message with this text shows the given state (Sending…, Sent or Read). */
  private static void waitForState(WebDriver driver, String text, String state) {
    Browser.waitFor(driver).until(d -> messageWithText(d, text).findElement(By.className("message-state")).getText().equals(state));
  }

  private static WebElement messageWithText(WebDriver driver, String text) {
    return Browser.waitFor(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[contains(@class,'message')]/p[contains(@class,'message-text') and text()=\"" + text + "\"]/..")));
  }

  @Test
  @DisplayName("join, exchange messages, and a message typed while offline is sent after reconnecting and survives a reload")
  void chatInTwoBrowsers() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    TestSession pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jay");

    // The young person opens the invite link on their phone and joins.
    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-b");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));

    young.findElement(By.id("composer")).sendKeys("Hi, is anyone there?");
    young.findElement(By.id("send")).click();
    waitForState(young, "Hi, is anyone there?", "Sent");

    // The PA signs in, sees the waiting conversation with an unread badge, opens it and replies.
    signInStaff(adviser, "sam", "/console");
    By item = By.cssSelector(".queue-item[data-conversation-id='" + invite.getString("careLeaverId") + "'] button");
    // The console redraws its queue whenever a summary arrives (routing's may land just now), so the
    // item is found and clicked in one step, found again if it was redrawn in between.
    Browser.waitFor(adviser).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement queued = d.findElement(item);
      if (!queued.isDisplayed() || !queued.isEnabled()) {
        return false;
      }
      assertEquals("1", queued.findElement(By.className("badge")).getText());
      queued.click();
      return true;
    });
    messageWithText(adviser, "Hi, is anyone there?");
    adviser.findElement(By.id("composer")).sendKeys("Hi Jay, it's Sam. I'm here.");
    adviser.findElement(By.id("send")).click();

    messageWithText(young, "Hi Jay, it's Sam. I'm here.");
    waitForState(adviser, "Hi Jay, it's Sam. I'm here.", "Read");

    // The server goes away: the young person sees the banner, types anyway, and even reloads.
    harbour = harbour.restartAfter(() -> {
      Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-banner")));
      young.findElement(By.id("composer")).sendKeys("Typed while you were away");
      young.findElement(By.id("send")).click();
      waitForState(young, "Typed while you were away", "Sending…");
      young.navigate().refresh();
    });
    young.get(harbour.baseUrl() + "/chat");
    waitForState(young, "Typed while you were away", "Sent");
    young.navigate().refresh();
    messageWithText(young, "Typed while you were away");
    messageWithText(young, "Hi Jay, it's Sam. I'm here.");
    assertTrue(young.findElements(By.cssSelector("li.message")).size() >= 3);
  }
}
