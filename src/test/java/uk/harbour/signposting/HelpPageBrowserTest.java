package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;

@DisplayName("In a real browser, signed out, the Help now page")
class HelpPageBrowserTest extends BrowserTestBase {

  private ChromeDriver browser;

  @BeforeAll
  void start() {
    browser = openBrowser();
  }

  @Test
  @DisplayName("shows crisis help with working call and text links, and open-now in words")
  void crisisFirst() {
    browser.get(harbour.baseUrl() + "/help");
    assertEquals("Help now – Demo Borough Council", browser.getTitle());
    WebElement crisis = browser.findElement(By.id("crisis-heading"));
    assertTrue(crisis.isDisplayed());
    WebElement samaritans = browser.findElement(By.id("entry-samaritans"));
    assertTrue(samaritans.findElement(By.className("card-status")).getText().contains("Open now, 24 hours a day"));
    assertEquals("tel:116123", samaritans.findElement(By.partialLinkText("Call 116 123")).getDomAttribute("href"));
    WebElement shout = browser.findElement(By.id("entry-shout-85258"));
    assertTrue(shout.findElement(By.partialLinkText("Text SHOUT to 85258")).getDomAttribute("href").startsWith("sms:85258"));
    // The one script is quick exit's, and without it the exit button is still a plain link.
    assertEquals(List.of("/static/v/" + harbour.harbour().services().pages().assetVersion() + "/js/quick-exit.js"), browser.findElements(By.cssSelector("script")).stream().map(e -> e.getDomAttribute("src")).toList(),
        "the page works without any other script");
  }

  @Test
  @DisplayName("searches without JavaScript and opens a card's details from the keyboard")
  void searchAndDetails() {
    browser.get(harbour.baseUrl() + "/help");
    WebElement box = browser.findElement(By.id("q"));
    assertEquals("q", box.getDomAttribute("name"));
    box.sendKeys("university");
    box.submit();
    // The form's GET is a page load of its own: wait for it rather than read the address mid-way.
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("q=university"));
    WebElement results = browser.findElement(By.id("results-heading"));
    assertTrue(results.getText().contains("university"));
    List<WebElement> found = browser.findElements(By.cssSelector("section[aria-labelledby=results-heading] article.card"));
    assertFalse(found.isEmpty());
    WebElement summary = found.get(0).findElement(By.tagName("summary"));
    summary.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertTrue(found.get(0).findElement(By.className("card-source")).isDisplayed(), "details open");
  }
}
