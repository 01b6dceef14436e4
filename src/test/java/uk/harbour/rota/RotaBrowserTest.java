package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.harbour.identity.Role;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("In a real browser, the rota page")
class RotaBrowserTest extends BrowserTestBase {

  private ChromeDriver browser;
  private TestSession api;

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-10-21T12:00"));
  }

  @BeforeAll
  void start() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    api = fixtures.signedIn("jo");
    JsonObject rota = RotaJson.toJson(RotaFixtures.demo().rota()).put("version", 0);
    assertEquals(200, api.json(HttpMethod.PUT, "/api/rota", rota).statusCode());
    browser = openBrowser();
    browser.get(harbour.baseUrl() + "/signin");
    browser.findElement(By.id("username")).sendKeys("jo");
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/signin"));
  }

  private boolean fitsWidth() {
    Object fits = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    return Boolean.TRUE.equals(fits);
  }

  @Test
  @DisplayName("fits a phone and a laptop screen without sideways scrolling, reached from the staff menu")
  void fitsScreens() throws Exception {
    browser.get(harbour.baseUrl() + "/people");
    browser.findElement(By.linkText("Rota")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/rota"));
    assertEquals("Week of Monday 19 October 2026",
        browser.findElement(By.id("week-heading")).getText());
    assertTrue(fitsWidth(), "phone width");
    // A whole-page picture for people reviewing the layout (not compared).
    browser.manage().window().setSize(new Dimension(412, 6000));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "rota-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.navigate().refresh();
    assertTrue(fitsWidth(), "laptop width");
    browser.manage().window().setSize(new Dimension(412, 915));
  }

  @Test
  @DisplayName("lets a manager report sickness with the form and then shows the gap it leaves")
  void reportSickness() {
    browser.get(harbour.baseUrl() + "/rota?week=2026-10-19");
    new Select(browser.findElement(By.id("kind"))).selectByValue("SICKNESS");
    new Select(browser.findElement(By.id("adviser"))).selectByVisibleText("Sam");
    // Chromium's datetime-local takes the digits in its own field order; set the value as a script would.
    browser.executeScript("document.getElementById('override-start').value = '2026-10-22T17:00';"
        + "document.getElementById('override-end').value = '2026-10-23T09:00';");
    browser.findElement(By.cssSelector("#add-override button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("saved=1"));
    assertTrue(browser.findElement(By.id("saved")).getText().contains("saved"));
    assertTrue(browser.findElement(By.id("overrides")).getText().contains("Sam is off sick"));
    assertTrue(browser.findElement(By.id("gaps")).getText().contains("Nobody on call: Thu 22 Oct 17:00 to Thu 22 Oct 23:00"),
        browser.findElement(By.id("gaps")).getText());
    assertEquals(1, api.get("/api/rota").bodyAsJsonObject().getJsonArray("overrides").size());
  }
}
