package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.Axe;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("In real browsers: 'Was this helpful?' after a resolution, the adviser's week and the manager's dashboard")
class ReportsBrowserTest extends BrowserTestBase {

  private ChromeDriver young;
  private ChromeDriver staff;

  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-25T10:00"), new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600)));
  }

  @BeforeAll
  void start() {
    young = openBrowser();
    staff = openBrowser();
  }

  private void signIn(WebDriver driver, String username) {
    driver.get(harbour.baseUrl() + "/signin");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
  }

  @Test
  @DisplayName("one tap answers the question once; the adviser's week and the manager's page show the episode, beside the previous week, with no axe violations")
  void helpfulWeekAndDashboard() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    TestSession pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    String jayId = invite.getString("careLeaverId");

    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-r");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    young.findElement(By.id("composer")).sendKeys("Can you help me with my bus pass?");
    young.findElement(By.id("send")).click();
    assertFalse(young.findElement(By.id("helpful")).isDisplayed(), "not asked while the chat is open");

    try (TestSocket sam = TestSocket.connect(harbour, pa)) {
      sam.next("welcome");
      harbour.clock().advance(java.time.Duration.ofMinutes(2));
      sam.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "r1").put("text", "Yes, I'll sort it today."));
      sam.next("ack");
      sam.send(new JsonObject().put("type", "resolve").put("conversationId", jayId));
    }
    Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.id("helpful")));
    young.findElement(By.cssSelector("#helpful button[data-answer='yes']")).click();
    Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.id("helpful-thanks")));
    assertFalse(young.findElement(By.id("helpful")).isDisplayed());
    SignedIn reader = new SignedIn("sam", Role.ADVISER, "Sam", Fixtures.TEAM, harbour.clock().instant());
    uk.harbour.testing.Eventually.eventually(() -> await(harbour.harbour().services().chat().history(reader, jayId, Long.MAX_VALUE, 50)).stream()
        .anyMatch(m -> new ConversationEvent.Feedback("yes").equals(m.event())));
    young.navigate().refresh();
    Browser.waitFor(young).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//p[contains(@class,'message-text') and text()='Was this helpful? Yes.']")));
    assertFalse(young.findElement(By.id("helpful")).isDisplayed(), "answered once: not asked again after a reload");

    await(harbour.harbour().services().reports().writer().flush());
    signIn(staff, "sam");
    Browser.waitFor(staff).until(ExpectedConditions.visibilityOfElementLocated(By.id("my-week")));
    assertEquals("1", staff.findElement(By.cssSelector("#my-week dd[data-figure='episodes']")).getText());
    assertEquals("2 min 00 s", staff.findElement(By.cssSelector("#my-week dd[data-figure='firstResponse.median']")).getText());
    assertEquals("100%", staff.findElement(By.cssSelector("#my-week dd[data-figure='helpful.share']")).getText());

    staff.manage().deleteAllCookies();
    signIn(staff, "jo");
    staff.get(harbour.baseUrl() + "/reports");
    assertEquals("1", staff.findElement(By.cssSelector("td[data-figure='episodes']")).getText());
    assertEquals("2 min 00 s", staff.findElement(By.cssSelector("td[data-figure='firstResponse.median']")).getText());
    assertTrue(staff.findElements(By.cssSelector("svg[role='img'] rect")).size() > 168, "the bars and the week's heatmap are drawn");
    assertEquals("0", staff.findElement(By.cssSelector("td[data-figure='previous.episodes']")).getText(), "the week before had none");
    assertEquals("Previous period", staff.findElement(By.xpath("//tbody[@class='compared'][.//td[@data-figure='byAdviser.sam.episodes']]/tr[2]/th")).getText(),
        "sam's previous week is the row under this week's");
    List<String> violations = Axe.violations(staff);
    assertTrue(violations.isEmpty(), "/reports:\n" + String.join("\n", violations));
    staff.findElement(By.linkText("Last 4 weeks")).click();
    Browser.waitFor(staff).until(ExpectedConditions.urlContains("preset=4w"));
    assertEquals("1", staff.findElement(By.cssSelector("td[data-figure='episodes']")).getText());
  }
}
