package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.harbour.identity.Role;
import uk.harbour.identity.Sessions;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RawHttp;
import uk.harbour.testing.RawHttp.Answer;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/** The fuzzer's 500s (issue 11, item 12), sent byte for byte as it sent them. */
@DisplayName("Malformed requests answer 400 in the documented shape, never 500")
@Timeout(120)
class MalformedRequestTest {

  private static RunningHarbour harbour;
  private static TestSession manager;
  private static RawHttp raw;
  private static String cookie;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("sam", Role.ADVISER);
    manager = fixtures.signedIn("jo");
    cookie = "Cookie: " + Sessions.COOKIE + "=" + manager.cookie(Sessions.COOKIE);
    raw = new RawHttp(harbour.port());
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/help?%", "/rota?%", "/catalogue?%", "/signin?%", "/%", "/rota/%zz"})
  @DisplayName("A broken % escape in a page's path or query string gets the friendly 400 page")
  void brokenEscapeInPage(String target) {
    Answer answer = raw.get(target, cookie);
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
    assertTrue(answer.body().contains("broken % escape"), answer.body());
    assertFalse(answer.body().contains("Exception"), answer.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/signposting/entries?%", "/api/audit?%", "/api/rota/shifts?%", "/api/conversations/x/transcript?%", "/api/%", "/api/x%zz"})
  @DisplayName("A broken % escape under /api/ gets 400 bad_request as JSON")
  void brokenEscapeInApi(String target) {
    assertJsonError(raw.get(target, cookie), 400, "bad_request");
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @CsvSource({
    "OPTIONS, /, application/x-www-form-urlencoded",
    "GET, /, multipart/form-data; boundary=x",
    "HEAD, /help, application/x-www-form-urlencoded",
    "GET, /api/me, application/x-www-form-urlencoded"
  })
  @DisplayName("A form Content-Type on a method without a form body gets 400")
  void formOnBodilessMethod(String method, String target, String type) {
    Answer answer = raw.request(method, target, cookie, "Content-Type: " + type, "Content-Length: 0");
    assertEquals(400, answer.status(), answer.body());
    if (target.startsWith("/api/")) {
      assertJsonError(answer, 400, "bad_request");
    }
  }

  @Test
  @DisplayName("The same request without a body is served as usual")
  void formTypeWithoutBodyIsHarmless() {
    assertEquals(200, raw.get("/", "Content-Type: application/x-www-form-urlencoded").status());
    assertEquals(200, raw.get("/api/me", cookie, "Content-Type: multipart/form-data; boundary=x").status());
  }

  private static void assertJsonError(Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
    JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
    assertEquals(code, error.getString("code"), answer.body());
    assertFalse(error.getString("message").isBlank());
  }
}
