package uk.harbour.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;

/**
 * What every browser test shares: one Harbour for the class, Chromium windows opened with
 * {@link #openBrowser()}, and after the last test every window quit, then Harbour stopped. A
 * subclass picks its clock and configuration by overriding {@link #startHarbour()}, and opens its
 * windows and adds its fixtures in its own {@code @BeforeAll}, which runs after this class's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class BrowserTestBase {

  /** The Harbour under test; a test that restarts it puts the new one here, and that one is stopped. */
  protected RunningHarbour harbour;

  private final List<ChromeDriver> browsers = new ArrayList<>();

  /** Saturday 23:00, out of hours; override for another time or configuration. */
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
  }

  /** A new headless Chromium window, quit after the class. */
  protected ChromeDriver openBrowser() {
    ChromeDriver browser = Browser.start();
    browsers.add(browser);
    return browser;
  }

  /**
   * Runs a script from the test class path ({@code /uk/harbour/chat/count-frames.js}) in every page
   * {@code browser} opens from now on, before the page's own scripts: to record or change what the
   * page does.
   */
  protected static void beforeEveryPage(ChromeDriver browser, String resource) {
    try (InputStream script = BrowserTestBase.class.getResourceAsStream(resource)) {
      browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", new String(script.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs a member of staff in with the fixtures' password and waits for the page they land on ({@code /console}, {@code /reports}…). */
  protected void signInStaff(ChromeDriver browser, String username, String landsOn) {
    browser.get(harbour.baseUrl() + "/signin");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains(landsOn));
  }

  /** Opens {@code invite} in {@code browser}, joins as {@code loginName}, and waits for the chat to connect. */
  protected void joinChat(ChromeDriver browser, JsonObject invite, String loginName) {
    browser.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    browser.findElement(By.id("loginName")).sendKeys(loginName);
    browser.findElement(By.id("passphrase")).sendKeys("purple river toast");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));
  }

  /** A new young person, with a PA of their own, joined in {@code browser} as {@code loginName}. */
  protected void joinChat(ChromeDriver browser, String firstName, String loginName) {
    Fixtures fixtures = new Fixtures(harbour);
    String pa = "pa-" + loginName;
    fixtures.staff(pa, Role.ADVISER);
    joinChat(browser, fixtures.careLeaver(fixtures.signedIn(pa), firstName), loginName);
  }

  @BeforeAll
  protected final void startHarbourForClass() {
    harbour = startHarbour();
  }

  /** Runs after the subclass's own {@code @AfterAll}, even when a set-up failed part-way. */
  @AfterAll
  protected final void quitBrowsersAndStopHarbour() {
    try {
      browsers.forEach(ChromeDriver::quit);
    } finally {
      browsers.clear();
      if (harbour != null) {
        harbour.close();
      }
    }
  }
}
