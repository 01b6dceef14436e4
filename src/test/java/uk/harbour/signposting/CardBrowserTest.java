package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;

@DisplayName("In two real browsers, a help card")
class CardBrowserTest extends BrowserTestBase {

  private ChromeDriver young;
  private ChromeDriver adviser;

  @BeforeAll
  void start() {
    young = openBrowser();
    adviser = openBrowser();
  }

  @Test
  @DisplayName("is suggested from the young person's words, sent from the console, shown in their chat and saved")
  void suggestSendShowSave() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    TestSession pa = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    String conversationId = invite.getString("careLeaverId");

    young.get(invite.getString("link").replace("http://localhost:8080", harbour.baseUrl()));
    young.findElement(By.id("loginName")).sendKeys("jay-cards");
    young.findElement(By.id("passphrase")).sendKeys("purple river toast");
    young.findElement(By.cssSelector("form button[type=submit]")).click();
    Browser.waitFor(young).until(ExpectedConditions.urlContains("/chat"));
    Browser.waitFor(young).until(d -> !d.findElement(By.id("on-call")).getText().equals("Connecting…"));
    young.findElement(By.id("composer")).sendKeys("I'm worried about my rent");
    young.findElement(By.id("send")).click();
    Browser.waitFor(young).until(d -> d.findElements(By.xpath("//span[contains(@class,'message-state') and text()='Sent']")).size() > 0);

    signInStaff(adviser, "sam", "/console");
    Browser.openFromQueue(adviser, conversationId);

    // Suggested from "rent": a housing entry, with the word that suggested it.
    WebElement suggestion =
        Browser.waitFor(adviser).until(d -> d.findElements(By.cssSelector("#card-suggestions li")).stream().filter(li -> li.getText().contains("(they said: rent)")).findFirst().orElse(null));
    String title = suggestion.findElement(By.tagName("span")).getText().replace(" (they said: rent)", "");
    suggestion.findElement(By.tagName("button")).click();
    Browser.waitFor(adviser).until(d -> suggestion.findElement(By.tagName("button")).getText().equals("Sent"));

    // Harbour's own out-of-hours reply may have sent open-now cards first: find the one Sam sent.
    WebElement card =
        Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("li.card-message article.card")).stream()
            .filter(a -> a.findElement(By.className("card-title")).getText().equals(title)).findFirst().orElse(null));
    assertTrue(card.isDisplayed(), title);
    // A card in the chat shows its title and one line until "More" opens it.
    WebElement more = card.findElement(By.xpath("ancestor::li[1]//button[contains(@class,'card-more')]"));
    young.executeScript("arguments[0].scrollIntoView()", more);
    more.click();
    assertTrue(card.getText().contains("Hi Jay, this might help."));
    // The adviser's own screen shows the card too.
    Browser.waitFor(adviser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.card-message article.card")));

    // Search the catalogue from the console and send a second card.
    adviser.findElement(By.id("card-query")).sendKeys("samaritans");
    adviser.findElement(By.cssSelector("#card-search button[type=submit]")).click();
    WebElement result = Browser.waitFor(adviser).until(d -> d.findElements(By.cssSelector("#card-results li")).stream().filter(li -> li.getText().startsWith("Samaritans")).findFirst().orElse(null));
    result.findElement(By.tagName("button")).click();
    // Samaritans may already be there from Harbour's open-now reply: wait for the one Sam sent.
    Browser.waitFor(young).until(d -> d.findElements(By.cssSelector("li.card-message")).stream()
        .filter(li -> li.getText().contains("Samaritans") && !li.getText().contains("Harbour")).count() > 0);

    WebElement save =
        young.findElements(By.cssSelector("li.card-message")).stream()
            .filter(li -> !li.findElements(By.cssSelector("article.card")).isEmpty()
                && li.findElement(By.className("card-title")).getText().equals(title))
            .findFirst().orElseThrow()
            .findElement(By.className("save-card-button"));
    young.executeScript("arguments[0].scrollIntoView()", save);
    save.click();
    Browser.waitFor(young).until(d -> save.getText().equals("Saved to My saved help"));
    young.get(harbour.baseUrl() + "/saved");
    assertTrue(young.findElement(By.tagName("main")).getText().contains(title));
  }
}
