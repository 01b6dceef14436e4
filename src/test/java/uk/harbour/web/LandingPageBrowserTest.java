package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.harbour.testing.BrowserTestBase;

@DisplayName("In a real browser, the landing page")
class LandingPageBrowserTest extends BrowserTestBase {

  private ChromeDriver browser;

  @BeforeAll
  void start() {
    browser = openBrowser();
  }

  @Test
  @DisplayName("shows a care leaver what Harbour is, how to start, crisis numbers and a staff sign-in link")
  void showsWhatAPersonNeeds() {
    browser.get(harbour.baseUrl() + "/");
    assertEquals("Talk to your leaving care team – Demo Borough Council", browser.getTitle());
    WebElement heading = browser.findElement(By.tagName("h1"));
    assertTrue(heading.isDisplayed());
    assertTrue(heading.getText().contains("evenings and weekends"));
    assertTrue(browser.findElement(By.linkText("I have an invite")).isDisplayed());
    assertEquals("tel:999", browser.findElement(By.linkText("999")).getDomAttribute("href"));
    WebElement staff = browser.findElement(By.linkText("sign in to the staff console"));
    assertTrue(staff.getDomAttribute("href").endsWith("/signin"));
    // The stylesheet loaded: the primary button has the brand background, not the browser default.
    String background = browser.findElement(By.linkText("I have an invite")).getCssValue("background-color");
    assertEquals("rgba(11, 79, 138, 1)", background);
  }

  @Test
  @DisplayName("has a skip link that moves keyboard focus to the main content")
  void skipLink() {
    browser.get(harbour.baseUrl() + "/");
    WebElement skip = browser.findElement(By.className("skip-link"));
    assertEquals("#main", skip.getDomAttribute("href"));
    skip.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertEquals("main", browser.switchTo().activeElement().getDomAttribute("id"));
  }
}
