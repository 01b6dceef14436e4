package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Axe;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Viewport;

/**
 * The young person's other pages and the two wide staff tables on a phone: no WCAG 2.2 AA
 * violation by axe-core, crisis lines above the fold, and nothing that scrolls sideways.
 */
@DisplayName("Young people's pages and wide tables on a phone")
class YoungPagesBrowserTest extends BrowserTestBase {

  private ChromeDriver young;
  private ChromeDriver manager;
  private ChromeDriver visitor;

  static List<Viewport> phones() {
    return List.of(Viewport.SMALL_PHONE, Viewport.PHONE);
  }

  @BeforeAll
  void people() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    JsonObject invite = fixtures.careLeaver(fixtures.signedIn("sam"), "Jay");
    young = openBrowser();
    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-pages");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    manager = openBrowser();
    signInStaff(manager, "jo", "/console");
    visitor = openBrowser();
  }

  private void noViolations(ChromeDriver browser, String path) {
    List<String> violations = Axe.violations(browser);
    assertTrue(violations.isEmpty(), path + ":\n" + String.join("\n", violations));
  }

  private static boolean scrollsSideways(ChromeDriver browser) {
    return (Boolean) browser.executeScript("return document.documentElement.scrollWidth > innerWidth");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("phones")
  @DisplayName("The landing page shows the crisis lines above the fold, signed out; signed in it leads to the chat instead of to signing in")
  void landing(Viewport size) {
    size.apply(visitor);
    visitor.get(harbour.baseUrl() + "/");
    WebElement crisis = visitor.findElement(By.className("crisis-box"));
    size.screenshot(visitor, "landing");
    assertTrue(crisis.getText().contains("999") && crisis.getText().contains("116 123"), crisis.getText());
    assertTrue((Boolean) visitor.executeScript("return arguments[0].getBoundingClientRect().bottom <= innerHeight", crisis), "crisis lines above the fold at " + size);
    assertTrue(visitor.findElement(By.linkText("I have an invite")).isDisplayed());
    noViolations(visitor, "/ signed out");

    size.apply(young);
    young.get(harbour.baseUrl() + "/");
    assertTrue(young.findElement(By.linkText("Go to your chat")).isDisplayed());
    assertTrue(young.findElements(By.linkText("I have an invite")).isEmpty());
    assertTrue(young.findElements(By.linkText("Sign in")).isEmpty());
    assertTrue((Boolean) young.executeScript("return arguments[0].getBoundingClientRect().bottom <= innerHeight", young.findElement(By.className("crisis-box"))));
    noViolations(young, "/ signed in");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("phones")
  @DisplayName("Join, sign-in, Help now and My saved help have no axe-core violation and nothing scrolls sideways")
  void youngPeoplesPages(Viewport size) {
    size.apply(visitor);
    for (String path : List.of("/join", "/signin/young-person", "/help")) {
      visitor.get(harbour.baseUrl() + path);
      noViolations(visitor, path);
      assertTrue(!scrollsSideways(visitor), path);
    }
    size.apply(young);
    young.get(harbour.baseUrl() + "/saved");
    noViolations(young, "/saved");
    assertTrue(!scrollsSideways(young), "/saved");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("phones")
  @DisplayName("The audit log and the catalogue are stacked lists on a phone, not tables wider than the screen")
  void wideTablesStack(Viewport size) {
    size.apply(manager);
    for (String path : List.of("/audit", "/catalogue")) {
      manager.get(harbour.baseUrl() + path);
      assertTrue(manager.findElements(By.cssSelector("table.stack tbody tr")).size() > 0, path);
      assertTrue(!scrollsSideways(manager), path + " scrolls sideways at " + size);
      assertEquals("block", manager.findElement(By.cssSelector("table.stack tbody tr")).getCssValue("display"), path);
      noViolations(manager, path);
    }
  }

  @Test
  @DisplayName("On a laptop the audit log and the catalogue are still tables")
  void tablesOnALaptop() {
    Viewport.LAPTOP.apply(manager);
    for (String path : List.of("/audit", "/catalogue")) {
      manager.get(harbour.baseUrl() + path);
      assertEquals("table-row", manager.findElement(By.cssSelector("table.stack tbody tr")).getCssValue("display"), path);
      noViolations(manager, path);
    }
  }
}
