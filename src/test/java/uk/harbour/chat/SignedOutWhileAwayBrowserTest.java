package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.harbour.identity.Role;
import uk.harbour.testing.Browser;
import uk.harbour.testing.BrowserTestBase;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;

/**
 * Before, a page whose socket was down when its session ended (access revoked, signed out
 * everywhere) never found out: the upgrade is refused with 401, which a browser reports only as a
 * failed socket (1006), and the page went to sign in only on close 1008. So it retried for ever,
 * said "You're offline… sent when you're back online", and left new messages "Sending…" for a
 * server that would never take them. Now a socket that fails before opening makes the page ask
 * GET /api/me: 401 sends it to sign in; any answer at all means the network is there, so the young
 * person's page says it is reconnecting rather than offline.
 */
@DisplayName("A page whose socket was down")
@Timeout(120)
class SignedOutWhileAwayBrowserTest extends BrowserTestBase {

  @Test
  @DisplayName("Access revoked while the phone was offline: back online, the young person is asked to sign in again")
  void revokedWhileOfflineGoesToSignIn() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa-away", Role.ADVISER);
    TestSession pa = fixtures.signedIn("pa-away");
    JsonObject invite = fixtures.careLeaver(pa, "Lee");
    ChromeDriver young = openBrowser();
    joinChat(young, invite, "lee-away");

    young.executeCdpCommand("Network.emulateNetworkConditions", network(true));
    Browser.waitFor(young).until(d -> "offline".equals(statusLine(d)));
    assertEquals(204, pa.post("/api/care-leavers/" + invite.getString("careLeaverId") + "/revoke", new JsonObject()).statusCode());
    young.executeCdpCommand("Network.emulateNetworkConditions", network(false));

    Browser.waitFor(young).until(ExpectedConditions.urlContains("/signin/young-person?expired=1"));
    assertEquals("You were signed out. Please sign in again.", young.findElement(By.cssSelector("p.notice")).getText());
  }

  @Test
  @DisplayName("Signed out everywhere while the console was offline: back online, the adviser is asked to sign in again")
  void consoleSignedOutEverywhereWhileOfflineGoesToSignIn() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("ali-away", Role.ADVISER);
    ChromeDriver ali = openBrowser();
    signInStaff(ali, "ali-away", "/console");
    Browser.waitFor(ali).until(d -> !d.findElement(By.id("on-call-now")).getDomProperty("textContent").isEmpty());

    ali.executeCdpCommand("Network.emulateNetworkConditions", network(true));
    Browser.waitFor(ali).until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-banner")));
    // Sessions that began before the sign-out end: let Harbour's clock pass the console's sign-in.
    harbour.clock().advance(Duration.ofSeconds(1));
    assertEquals(204, fixtures.signedIn("ali-away").post("/api/session/everywhere", new JsonObject()).statusCode());
    ali.executeCdpCommand("Network.emulateNetworkConditions", network(false));

    Browser.waitFor(ali).until(ExpectedConditions.urlContains("/signin?expired=1"));
  }

  @Test
  @DisplayName("With the network there but the socket refused, the young person's page says it is reconnecting, not that they are offline")
  void refusedSocketWithTheNetworkThereSaysReconnecting() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa-there", Role.ADVISER);
    JsonObject invite = fixtures.careLeaver(fixtures.signedIn("pa-there"), "Mo");
    ChromeDriver young = openBrowser();
    beforeEveryPage(young, "/uk/harbour/chat/refuse-sockets.js");
    joinChat(young, invite, "mo-there");

    // The phone said it was offline, so the page says so at once. Its signal is back, but Harbour's
    // socket cannot open: the next one fails, and Harbour answering over HTTP shows the network is there.
    young.executeScript("window.__refuseSockets = true; window.dispatchEvent(new Event('offline'))");
    Browser.waitFor(young).withMessage("the status line to say reconnecting").until(d -> "reconnecting".equals(statusLine(d)));
    assertEquals(
        "Reconnecting… What you write is kept on this phone and sent once we're connected again. In danger right now? Call 999.",
        young.findElement(By.id("on-call")).getText());

    young.executeScript("window.__refuseSockets = false");
    Browser.waitFor(young).withMessage("connected again").until(d -> !"reconnecting".equals(statusLine(d)) && !"offline".equals(statusLine(d)));
  }

  /** Opens {@code invite} in {@code browser}, joins, and waits for the chat to connect. */

  private static String statusLine(WebDriver driver) {
    return driver.findElement(By.id("on-call")).getDomAttribute("data-state");
  }

  private static Map<String, Object> network(boolean offline) {
    return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
  }
}
