package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.testing.Axe;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.Viewport;

/** The join form on a phone, after GOV.UK's error-summary pattern, with one way to sign in at a time. */
@DisplayName("The join form")
class JoinFormBrowserTest extends BrowserTestBase {

  private ChromeDriver browser;
  private Fixtures fixtures;
  private TestSession pa;

  static List<Viewport> phones() {
    return List.of(Viewport.SMALL_PHONE, Viewport.PHONE);
  }

  @BeforeAll
  void start() {
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    pa = fixtures.signedIn("sam");
    browser = openBrowser();
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  private List<String> summaryLinks() {
    return browser.findElements(By.cssSelector("#error-summary a")).stream().map(a -> a.getDomAttribute("href")).toList();
  }

  private void submit() {
    browser.findElement(By.cssSelector("form.join-form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("phones")
  @DisplayName("Shows every problem at once in a focused summary that links to each field, with the same message beside the field")
  void allErrorsAtOnce(Viewport size) {
    size.apply(browser);
    browser.get(harbour.baseUrl() + "/join");
    assertTrue(browser.findElement(By.id("passphrase")).isDisplayed());
    assertFalse(browser.findElement(By.id("pin")).isDisplayed(), "one way to sign in at a time");
    browser.findElement(By.id("loginName")).sendKeys("x");
    submit();

    assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
    assertEquals("error-summary", browser.switchTo().activeElement().getDomAttribute("id"), "the summary has focus");
    assertEquals(List.of("#code", "#loginName", "#passphrase"), summaryLinks());
    for (String field : List.of("code", "loginName", "passphrase")) {
      WebElement input = browser.findElement(By.id(field));
      assertEquals("true", input.getDomAttribute("aria-invalid"), field);
      WebElement inline = browser.findElement(By.id(field + "-error"));
      assertTrue(inline.isDisplayed(), field);
      assertTrue(input.getDomAttribute("aria-describedby").contains(field + "-error"), field);
    }
    assertEquals("x", browser.findElement(By.id("loginName")).getDomProperty("value"), "what was typed is kept");
    size.screenshot(browser, "join-errors");

    browser.findElement(By.cssSelector("#error-summary a[href='#loginName']")).click();
    assertEquals("loginName", browser.switchTo().activeElement().getDomAttribute("id"));
    List<String> violations = Axe.violations(browser);
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  @DisplayName("Choosing a PIN shows only the PIN and word, and their problems come together; an invite link still greets them by name")
  void pinWayAndGreeting() {
    Viewport.PHONE.apply(browser);
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    browser.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    assertTrue(browser.findElement(By.className("lead")).getText().startsWith("Hi Jay!"));
    Viewport.PHONE.screenshot(browser, "join");
    browser.findElement(By.cssSelector("label[for=method-pin]")).click();
    assertFalse(browser.findElement(By.id("passphrase")).isDisplayed());
    assertTrue(browser.findElement(By.id("pin")).isDisplayed());
    browser.findElement(By.id("loginName")).sendKeys("jay-pin");
    browser.findElement(By.id("pin")).sendKeys("111111");
    submit();

    assertTrue(browser.findElement(By.className("lead")).getText().startsWith("Hi Jay!"), "still greeted after an error");
    assertEquals(List.of("#pin", "#word"), summaryLinks());
    assertTrue(browser.findElement(By.id("method-pin")).isSelected(), "the chosen way stays chosen");
    assertFalse(browser.findElement(By.id("passphrase")).isDisplayed());

    browser.findElement(By.id("pin")).sendKeys("482915");
    browser.findElement(By.id("word")).sendKeys("harbour");
    browser.findElement(By.cssSelector("form.join-form button[type=submit]")).click();
    Browser.waitFor(browser).until(ExpectedConditions.urlContains("/chat"));
  }

  @Test
  @DisplayName("A sign-in name someone else has is shown against that field, and the code typed is kept")
  void takenNameAgainstItsField() {
    fixtures.joined(fixtures.careLeaver(pa, "Ash"), "taken-name");
    JsonObject invite = fixtures.careLeaver(pa, "Bo");
    Viewport.PHONE.apply(browser);
    browser.get(harbour.baseUrl() + "/join");
    browser.findElement(By.id("code")).sendKeys(invite.getString("code"));
    browser.findElement(By.id("loginName")).sendKeys("taken-name");
    browser.findElement(By.id("passphrase")).sendKeys("purple river toast");
    submit();
    assertEquals(List.of("#loginName"), summaryLinks());
    assertTrue(browser.findElement(By.id("loginName-error")).getText().contains("That sign-in name is taken"));
    assertEquals(invite.getString("code"), browser.findElement(By.id("code")).getDomProperty("value"));
  }
}
