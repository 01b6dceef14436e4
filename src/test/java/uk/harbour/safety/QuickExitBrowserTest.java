package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/**
 * "Exit this page" in a real browser: the button and Shift pressed three times replace the page
 * with the neutral site (a stand-in server here, as the network is closed), Back does not return to
 * it, and unsent messages are wiped from the device, as they are at sign-out.
 */
@DisplayName("Quick exit on young people's pages")
class QuickExitBrowserTest extends BrowserTestBase {

  private Vertx neutralVertx;
  private HttpServer neutral;
  private ChromeDriver browser;
  private TestSession pa;
  private Fixtures fixtures;

  /** The neutral site is a stand-in server, started first: the exit address is read at start. */
  @Override
  protected RunningHarbour startHarbour() {
    neutralVertx = Vertx.vertx();
    neutral = RunningHarbour.await(neutralVertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/html").end("<!doctype html><title>Weather</title><p>Sunny spells"))
        .listen(0, "127.0.0.1"));
    return RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("council", new JsonObject().put("exitUrl", neutralUrl())));
  }

  @BeforeAll
  void start() {
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    pa = fixtures.signedIn("sam");
    browser = openBrowser();
  }

  @AfterAll
  void stopNeutralSite() {
    RunningHarbour.await(neutralVertx.close());
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  private String neutralUrl() {
    return "http://127.0.0.1:" + neutral.actualPort() + "/weather";
  }

  /** Joins as a new young person in the browser and waits for the chat to connect. */
  private void joinAndChat(String name) {
    JsonObject invite = fixtures.careLeaver(pa, name);
    browser.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    browser.findElement(By.id("loginName")).sendKeys(name.toLowerCase() + "-qe");
    browser.findElement(By.id("passphrase")).sendKeys("purple river toast");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));
  }

  /** An unsent message in the chat's outbox, as a dropped connection leaves it. */
  private void leaveUnsent(String text) {
    String userId = browser.findElement(By.id("chat")).getAttribute("data-user-id");
    browser.executeScript("localStorage.setItem('harbour.outbox.' + arguments[0], JSON.stringify([{clientId: 'c1', text: arguments[1]}]))", userId, text);
    // The chat as last seen, kept for the offline page, is as private as what is unsent.
    browser.executeScript("localStorage.setItem('harbour.seen.' + arguments[0], JSON.stringify({messages: [{seq: 1, mine: true, from: 'You', text: arguments[1]}]}))", userId, text);
  }

  @SuppressWarnings("unchecked")
  private List<String> outboxKeys() {
    return (List<String>) browser.executeScript("return Object.keys(localStorage).filter(k => k.startsWith('harbour.outbox.') || k.startsWith('harbour.seen.'))");
  }

  @Test
  @DisplayName("The button is first on every young person's page and replaces the page: Back goes to the page before")
  void button() {
    joinAndChat("Ash");
    for (String path : List.of("/", "/join", "/signin/young-person", "/help", "/saved", "/chat")) {
      browser.get(harbour.baseUrl() + path);
      var exit = browser.findElement(By.cssSelector("[data-quick-exit]"));
      assertEquals("Exit this page", exit.getText(), path);
      assertEquals(neutralUrl(), exit.getAttribute("href"), path);
    }
    browser.get(harbour.baseUrl() + "/");
    browser.get(harbour.baseUrl() + "/help");
    browser.findElement(By.cssSelector("[data-quick-exit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.titleIs("Weather"));
    browser.navigate().back();
    Browser.waitFor(browser).until(d -> !d.getCurrentUrl().equals(neutralUrl()));
    assertEquals(harbour.baseUrl() + "/", browser.getCurrentUrl(), "the help page is gone from history");
  }

  @Test
  @DisplayName("Shift three times in the chat leaves at once and wipes the draft and unsent messages; Back does not return to the chat")
  void shiftThreeTimes() {
    joinAndChat("Bo");
    leaveUnsent("please don't let him see this");
    browser.findElement(By.id("composer")).sendKeys("I am writing something Private");
    new Actions(browser).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
    Browser.waitFor(browser).until(ExpectedConditions.titleIs("Weather"));
    browser.navigate().back();
    Browser.waitFor(browser).until(d -> !d.getCurrentUrl().equals(neutralUrl()));
    assertFalse(browser.getCurrentUrl().contains("/chat"), "Back does not return to the chat: " + browser.getCurrentUrl());
    browser.get(harbour.baseUrl() + "/help");
    assertTrue(outboxKeys().isEmpty(), "unsent messages wiped: " + outboxKeys());
  }

  @Test
  @DisplayName("A message that has just arrived is not written back to the device as the page goes")
  void justArrivedNotKept() {
    joinAndChat("Eli");
    browser.findElement(By.id("composer")).sendKeys("just sent before leaving");
    browser.findElement(By.id("send")).click();
    // The auto-reply and its cards arrive; the copy kept for the offline page is saved half a
    // second later, or when the page goes: quick exit must win over both.
    Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector("#messages li.message")).size() >= 2);
    browser.findElement(By.cssSelector("[data-quick-exit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.titleIs("Weather"));
    browser.get(harbour.baseUrl() + "/help");
    assertTrue(outboxKeys().isEmpty(), "nothing kept after quick exit: " + outboxKeys());
  }

  @Test
  @DisplayName("Capital letters typed with Shift do not count: other keys between the presses start the count again")
  void typingDoesNotExit() {
    joinAndChat("Cal");
    browser.findElement(By.id("composer")).sendKeys("Hello There Are You In");
    assertTrue(browser.getCurrentUrl().contains("/chat"), "still in the chat");
  }

  @Test
  @DisplayName("Signing out with a message not yet sent asks first; Cancel keeps it, Sign out clears it from the device")
  void signOutAsksThenClears() {
    joinAndChat("Dee");
    // The socket stays open but nothing reaches Harbour, as with a signal that has gone: the entry stays unsent.
    browser.executeScript("WebSocket.prototype.send = function () {}");
    leaveUnsent("unsent at sign-out");
    browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
    Alert asked = Browser.waitFor(browser).until(ExpectedConditions.alertIsPresent());
    assertEquals("1 message has not been sent yet. If you sign out now, it will be deleted from this device and nobody will get it. Sign out anyway?", asked.getText());
    asked.dismiss();
    assertTrue(browser.getCurrentUrl().contains("/chat"), "still in the chat");
    assertFalse(outboxKeys().isEmpty(), "the unsent message is kept");

    browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
    Browser.waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
    Browser.waitFor(browser).until(d -> !d.getCurrentUrl().contains("/chat"));
    assertTrue(outboxKeys().isEmpty(), "outbox cleared: " + outboxKeys());
  }

  @Test
  @DisplayName("Signing out with nothing unsent does not ask")
  void signOutWithNothingUnsent() {
    joinAndChat("Fin");
    browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
    // An open confirm would fail the wait (Selenium refuses to read a page behind a dialog).
    Browser.waitFor(browser).until(d -> !d.getCurrentUrl().contains("/chat"));
    assertTrue(outboxKeys().isEmpty(), "nothing kept: " + outboxKeys());
  }
}
