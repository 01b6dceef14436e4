package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Signing out over the API")
@Timeout(60)
class SignOutTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("Signing out answers 204 and ends the session; doing it again, or never signed in, is 204 too, so a retry is safe")
  void signOutIsIdempotent() {
    TestSession sam = fixtures.signedIn("sam");
    assertEquals(200, sam.get("/api/me").statusCode());
    assertEquals(204, sam.json(HttpMethod.DELETE, "/api/session", null).statusCode());
    assertEquals(401, sam.get("/api/me").statusCode(), "signed out");
    assertEquals(204, sam.json(HttpMethod.DELETE, "/api/session", null).statusCode(), "a second sign-out");
    TestSession stranger = new TestSession(harbour);
    assertEquals(204, stranger.json(HttpMethod.DELETE, "/api/session", null).statusCode(), "never signed in");
    assertEquals(401, stranger.get("/api/me").statusCode());
  }

  /** DELETE /api/session as a client that keeps the token it had (or sends none): no new fetch of /api/csrf. */
  private static HttpResponse<Buffer> signOut(TestSession session, String token) {
    var request = session.client().delete("/api/session");
    return await(token == null ? request.send() : request.putHeader(CsrfTokenHandler.FIELD, token).send());
  }

  @Test
  @DisplayName("A retry of a sign-out with the token it was first sent with is 204, and so is a sign-out of nobody without a token")
  void retryWithTheSameTokenIsSafe() {
    TestSession sam = fixtures.signedIn("sam");
    String token = sam.csrf();
    assertEquals(204, signOut(sam, token).statusCode());
    assertEquals(204, signOut(sam, token).statusCode(), "the retry, whose session and token are gone");
    assertEquals(204, signOut(sam, null).statusCode(), "no token at all");
    assertEquals(401, sam.get("/api/me").statusCode());
    assertEquals(204, signOut(new TestSession(harbour), null).statusCode(), "never signed in, no token");
  }

  @Test
  @DisplayName("Someone signed in is signed out only with their session's token: without it, 403 and still signed in")
  void signedInSessionStillNeedsItsToken() {
    TestSession sam = fixtures.signedIn("sam");
    for (String token : new String[] {null, "", "not-the-token"}) {
      var response = signOut(sam, token);
      assertEquals(403, response.statusCode(), "token " + token);
      assertEquals("csrf_token_invalid", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
      assertEquals(200, sam.get("/api/me").statusCode(), "still signed in");
    }
    JsonObject invite = fixtures.careLeaver(sam, "Rue");
    TestSession rue = fixtures.joined(invite, "rue-r");
    assertEquals(403, signOut(rue, null).statusCode(), "a young person too");
    assertEquals(200, rue.get("/api/me").statusCode(), "still signed in, device kept");
  }
}
