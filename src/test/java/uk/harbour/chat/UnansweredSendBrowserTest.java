package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;

/**
 * Before, a page resent unacknowledged messages only when it reconnected: a send lost while the
 * socket stayed open left the young person's message "Sending…" until then, however long that was.
 */
@DisplayName("A message never acknowledged is sent again on the same socket")
class UnansweredSendBrowserTest extends BrowserTestBase {

  private static final String TEXT = "Are you there? My first try got lost";

  @Test
  @DisplayName("The chat page resends after ten seconds without an ack; it is stored once and leaves the outbox")
  void unansweredSendIsResent() throws IOException {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    JsonObject invite = fixtures.careLeaver(fixtures.signedIn("sam"), "Jay");

    ChromeDriver young = openBrowser();
    try (InputStream lossy = UnansweredSendBrowserTest.class.getResourceAsStream("lose-first-send.js")) {
      young.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", new String(lossy.readAllBytes(), StandardCharsets.UTF_8)));
    }
    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-lost");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));

    young.findElement(By.id("composer")).sendKeys(TEXT);
    young.findElement(By.id("send")).click();
    Browser.waitFor(young).until(d -> state(d).equals("Sending…"));
    long clicked = System.nanoTime();
    new WebDriverWait(young, Duration.ofSeconds(30)).until(d -> state(d).equals("Sent"));
    long waitedMillis = (System.nanoTime() - clicked) / 1_000_000;

    assertTrue(waitedMillis >= 7_000, "resent only after the wait, not at once: " + waitedMillis + " ms");
    assertEquals(2L, ((Number) young.executeScript("return window.__sends")).longValue(), "the lost send, then the resend");
    Browser.waitFor(young).until(d -> young.executeScript("return localStorage.getItem('harbour.outbox.' + document.getElementById('chat').dataset.userId)").equals("[]"));
    young.navigate().refresh();
    Browser.waitFor(young).until(d -> copies(d) > 0);
    assertEquals(1, copies(young), "stored once");
  }

  private static String state(org.openqa.selenium.WebDriver driver) {
    return driver.findElement(By.xpath(messageXpath() + "/..//*[contains(@class,'message-state')]")).getText();
  }

  private static int copies(org.openqa.selenium.WebDriver driver) {
    return driver.findElements(By.xpath(messageXpath())).size();
  }

  private static String messageXpath() {
    return "//li[contains(@class,'message')]/p[contains(@class,'message-text') and text()=\"" + TEXT + "\"]";
  }

}
