package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/**
 * One CSRF token per session: it works in every tab and for any number of requests, at once or one
 * after another, and changes only when the session id does (sign-in) or the session ends.
 */
@DisplayName("CSRF tokens")
@Timeout(120)
class CsrfTest {

  private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]+)\"");

  private static RunningHarbour harbour;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("tabs", Role.ADVISER);
    fixtures.staff("idler", Role.ADVISER);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("The token in the sign-in answer works for the requests after it, and the one from before sign-in does not")
  void signInAnswerToken() {
    WebClientSession browser = new TestSession(harbour).client();
    String beforeSignIn = token(browser);
    var signIn = post(browser, "/api/session", beforeSignIn, new JsonObject().put("username", "tabs").put("password", Fixtures.PASSWORD));
    assertEquals(200, signIn.statusCode(), signIn.bodyAsString());
    String fromAnswer = signIn.bodyAsJsonObject().getString("csrfToken");
    assertNotNull(fromAnswer, "the answer carries the new token");
    assertNotEquals(beforeSignIn, fromAnswer, "a token fixed before sign-in is not kept");
    assertEquals(fromAnswer, cookie(signIn, CsrfTokenHandler.COOKIE), "the readable cookie follows it");

    assertEquals(200, post(browser, "/api/me/second-factor", fromAnswer, null).statusCode(), "first request after sign-in");
    assertEquals(200, post(browser, "/api/me/second-factor", fromAnswer, null).statusCode(), "second request after sign-in");
    assertRefused(post(browser, "/api/me/second-factor", beforeSignIn, null));
  }

  @Test
  @DisplayName("Two tabs that fetched the token at different times both post, one after the other")
  void twoTabs() {
    TestSession staff = new Fixtures(harbour).signedIn("tabs");
    String firstTab = token(staff.client());
    assertEquals(200, post(staff.client(), "/api/me/second-factor", firstTab, null).statusCode());
    String secondTab = token(staff.client());
    assertEquals(200, post(staff.client(), "/api/me/second-factor", secondTab, null).statusCode(), "the second tab");
    assertEquals(200, post(staff.client(), "/api/me/second-factor", firstTab, null).statusCode(), "the first tab again");
  }

  @Test
  @DisplayName("Two requests at once from one session both succeed")
  void concurrentRequests() {
    TestSession staff = new Fixtures(harbour).signedIn("tabs");
    String token = token(staff.client());
    for (int round = 0; round < 5; round++) {
      Future<HttpResponse<Buffer>> one = staff.client().post("/api/me/second-factor").putHeader(CsrfTokenHandler.FIELD, token).send();
      Future<HttpResponse<Buffer>> two = staff.client().post("/api/me/second-factor").putHeader(CsrfTokenHandler.FIELD, token).send();
      assertEquals(200, await(one).statusCode(), "round " + round);
      assertEquals(200, await(two).statusCode(), "round " + round);
    }
  }

  @Test
  @DisplayName("A missing, wrong or empty token is refused with 403, in a header or a form")
  void missingOrWrong() {
    TestSession staff = new Fixtures(harbour).signedIn("tabs");
    assertRefused(await(staff.client().post("/api/me/second-factor").send()));
    assertRefused(post(staff.client(), "/api/me/second-factor", "not-the-token", null));
    assertRefused(post(staff.client(), "/api/me/second-factor", "", null));
    String token = token(staff.client());
    assertRefused(post(staff.client(), "/api/me/second-factor", token.substring(1), null));
    var form = await(staff.client().post("/signout").sendForm(MultiMap.caseInsensitiveMultiMap().add(CsrfTokenHandler.FIELD, "forged")));
    assertEquals(403, form.statusCode(), "a form with a forged token");
    assertEquals(200, staff.get("/api/me").statusCode(), "still signed in: nothing happened");
  }

  @Test
  @DisplayName("After sign-out the session's token is refused, and the next session has a new one")
  void signOut() {
    TestSession staff = new Fixtures(harbour).signedIn("tabs");
    String token = token(staff.client());
    assertEquals(204, await(staff.client().delete("/api/session").putHeader(CsrfTokenHandler.FIELD, token).send()).statusCode());
    assertRefused(post(staff.client(), "/api/session", token, new JsonObject().put("username", "tabs").put("password", Fixtures.PASSWORD)));
    String next = token(staff.client());
    assertNotEquals(token, next);
    assertEquals(200, post(staff.client(), "/api/session", next, new JsonObject().put("username", "tabs").put("password", Fixtures.PASSWORD)).statusCode());
  }

  @Test
  @DisplayName("A page's hidden token works for more than one form post")
  void formTokenReused() {
    TestSession browser = new TestSession(harbour);
    String token = hiddenToken(browser.get("/signin").bodyAsString());
    var wrong = await(browser.client().post("/signin").sendForm(form(token, "tabs", "not-the-password-at-all")));
    assertEquals(401, wrong.statusCode(), "a wrong password shows the form again");
    var right = await(browser.client().post("/signin").sendForm(form(token, "tabs", Fixtures.PASSWORD)));
    assertEquals(302, right.statusCode(), "the same token posts again: " + right.bodyAsString());
  }

  @Test
  @DisplayName("After an idle staff session ends, the sign-in page it leads to signs in")
  void signInAfterExpiry() {
    TestSession staff = new Fixtures(harbour).signedIn("idler");
    harbour.clock().advance(Duration.ofMinutes(31));
    var page = staff.get("/signin?expired");
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("You have been signed out. This happens after a while away, or when you sign out on another device."),
        "says why, in words that also fit signing out everywhere");
    var signIn = await(staff.client().post("/signin").sendForm(form(hiddenToken(page.bodyAsString()), "idler", Fixtures.PASSWORD)));
    assertEquals(302, signIn.statusCode(), signIn.bodyAsString());
    assertEquals("idler", staff.get("/api/me").bodyAsJsonObject().getJsonObject("user").getString("id"));
  }

  private static MultiMap form(String token, String username, String password) {
    return MultiMap.caseInsensitiveMultiMap().add(CsrfTokenHandler.FIELD, token).add("username", username).add("password", password);
  }

  private static String token(WebClientSession client) {
    return await(client.get("/api/csrf").send()).bodyAsJsonObject().getString("token");
  }

  private static HttpResponse<Buffer> post(WebClientSession client, String path, String token, JsonObject body) {
    var request = client.post(path).putHeader(CsrfTokenHandler.FIELD, token);
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static void assertRefused(HttpResponse<Buffer> response) {
    assertEquals(403, response.statusCode(), response.bodyAsString());
    assertEquals("csrf_token_invalid", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  private static String hiddenToken(String html) {
    Matcher matcher = HIDDEN_TOKEN.matcher(html);
    assertTrue(matcher.find(), "the page has a hidden token");
    return matcher.group(1);
  }

  private static String cookie(HttpResponse<Buffer> response, String name) {
    return response.cookies().stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1).split(";")[0]).findFirst().orElse(null);
  }
}
