package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;

/**
 * Before, a page resent unacknowledged messages only when it reconnected: a send lost while the
 * socket stayed open left the young person's message "Sending…" until then, however long that was;
 * and one the server refused for good stayed "Sending…" for ever, resent at every reconnect.
 */
@DisplayName("The chat page's outbox")
class OutboxBrowserTest extends BrowserTestBase {

  private static final String TEXT = "Are you there? My first try got lost";

  @Test
  @DisplayName("A send never answered is sent again after ten seconds on the same socket; it is stored once and leaves the outbox")
  void unansweredSendIsResent() {
    ChromeDriver young = openBrowser();
    beforeEveryPage(young, "/uk/harbour/chat/lose-first-send.js");
    joinChat(young, "Jay", "jay-lost");

    young.findElement(By.id("composer")).sendKeys(TEXT);
    young.findElement(By.id("send")).click();
    Browser.waitFor(young).until(d -> state(d, TEXT).equals("Sending…"));
    long clicked = System.nanoTime();
    // The pending bubble is replaced by the stored one as it is acked: a read of the old one is tried again.
    new WebDriverWait(young, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> state(d, TEXT).equals("Sent"));
    long waitedMillis = (System.nanoTime() - clicked) / 1_000_000;

    assertTrue(waitedMillis >= 7_000, "resent only after the wait, not at once: " + waitedMillis + " ms");
    assertEquals(2L, ((Number) young.executeScript("return window.__sends")).longValue(), "the lost send, then the resend");
    Browser.waitFor(young).until(d -> "[]".equals(outbox(young)));
    young.navigate().refresh();
    Browser.waitFor(young).until(d -> copies(d, TEXT) > 0);
    assertEquals(1, copies(young, TEXT), "stored once");
  }

  @Test
  @DisplayName("A message refused for good is marked Not sent, keeps its words on screen, and leaves the outbox, so it is not sent again")
  void refusedForGoodIsNotSentAgain() {
    ChromeDriver young = openBrowser();
    joinChat(young, "Kim", "kim-refused");
    // A control character (as some apps paste) is refused with bad_characters: no resend can succeed.
    String refused = "hello\\u0001there"; // a JavaScript escape: the page gets U+0001
    young.executeScript("document.getElementById('composer').value = '" + refused + "'");
    young.findElement(By.id("send")).click();

    WebElement item = Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.message.not-sent")));
    assertEquals("[]", outbox(young), "out of the outbox");
    assertEquals("Not sent", item.findElement(By.className("message-state")).getText());
    assertTrue(item.findElement(By.className("message-text")).getText().startsWith("hello"), "the words stay on screen");
    assertTrue(young.findElement(By.id("problem")).isDisplayed(), "and why is said");

    young.navigate().refresh();
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));
    assertEquals(0, young.findElements(By.cssSelector("li.message.mine")).size(), "not stored, and not waiting to be sent again");
  }

  @Test
  @DisplayName("A message whose frame would be over the server's limit is marked Not sent at once, and the next message still goes")
  void overTheFrameLimitDoesNotHoldTheNext() {
    ChromeDriver young = openBrowser();
    joinChat(young, "Lee", "lee-large");
    // 3,000 control characters: under the page's 4,000, but JSON writes each as six units (18,000 > 16,384).
    // Sent, it would close the socket (1009), and its resend would close every new one.
    young.executeScript("document.getElementById('composer').value = '\\u0001'.repeat(3000)");
    young.findElement(By.id("send")).click();
    Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.message.not-sent")));
    young.findElement(By.id("composer")).sendKeys(TEXT);
    young.findElement(By.id("send")).click();
    new WebDriverWait(young, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> state(d, TEXT).equals("Sent"));
    assertEquals("[]", outbox(young), "neither waits to be sent");
  }

  /** Opens a new care leaver's invite in {@code browser}, joins, and waits for the chat to connect. */

  private static String outbox(ChromeDriver browser) {
    return (String) browser.executeScript("return localStorage.getItem('harbour.outbox.' + document.getElementById('chat').dataset.userId)");
  }

  private static String state(WebDriver driver, String text) {
    return driver.findElement(By.xpath(messageXpath(text) + "/..//*[contains(@class,'message-state')]")).getText();
  }

  private static int copies(WebDriver driver, String text) {
    return driver.findElements(By.xpath(messageXpath(text))).size();
  }

  private static String messageXpath(String text) {
    return "//li[contains(@class,'message')]/p[contains(@class,'message-text') and text()=\"" + text + "\"]";
  }
}
