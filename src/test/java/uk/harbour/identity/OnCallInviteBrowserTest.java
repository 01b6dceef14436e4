package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/** The console's "Forgotten passphrase: make a new invite", used by the adviser on call. */
@DisplayName("The on-call adviser's new-invite control")
class OnCallInviteBrowserTest extends BrowserTestBase {

  /** Wednesday 19:30: Ali is on call (Rotas.wednesdayEvening); Jay's PA is Sam. */
  @Override
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-25T19:30"));
  }

  @Test
  @DisplayName("gives the code to read to the young person, and the code lets them join again")
  void makesACodeThatWorks() {
    Fixtures fixtures = new Fixtures(harbour);
    for (String adviser : new String[] {"sam", "ali", "priya"}) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    fixtures.joined(fixtures.careLeaver(fixtures.signedIn("sam"), "Jay"), "jay-lost");

    ChromeDriver ali = openBrowser();
    signInStaff(ali, "ali", "/console");
    ali.findElement(By.cssSelector("#reinvite summary")).click();
    ali.findElement(By.id("reinvite-name")).sendKeys("jay-lost");
    ali.executeScript("document.getElementById('reinvite-dob').value = '2006-04-01'");
    ali.findElement(By.id("reinvite-checked")).sendKeys("Called back on his number; he knew his PA's name.");
    ali.findElement(By.cssSelector("#reinvite-form button[type=submit]")).click();
    String shown = Browser.waitFor(ali).until(ExpectedConditions.visibilityOfElementLocated(By.id("reinvite-result"))).getText();
    Matcher code = Pattern.compile("Read them the code: ([A-Z0-9]{4}-[A-Z0-9]{4})").matcher(shown);
    assertTrue(code.find(), shown);

    TestSession phone = new TestSession(harbour);
    var joined = phone.post("/api/invites/redeem", new io.vertx.core.json.JsonObject()
        .put("code", code.group(1)).put("loginName", "jay-lost").put("passphrase", "orange kite morning"));
    assertEquals(200, joined.statusCode(), joined.bodyAsString());
  }
}
