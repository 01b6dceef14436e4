package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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

  @Test
  @DisplayName("An HTTP/1.1 request without a Host header gets 400 bad_request")
  void missingHost() {
    Answer answer = raw.send("GET /api/me HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertJsonError(answer, 400, "bad_request");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/api/rota/shifts?from=-999999999-01-01&to=-999999999-01-02",
    "/api/rota/gaps?from=-999999999-01-01&to=-999999999-01-02",
    "/api/audit?from=-999999999-01-01",
    "/api/audit?to=%2B999999999-12-31",
    "/api/rota/shifts?from=1899-12-31&to=1900-01-01",
    "/api/rota/gaps?from=2999-12-31&to=3000-01-01"
  })
  @DisplayName("Dates outside the years 1900 to 2999 get 400 bad_date")
  void farDatesInApi(String target) {
    assertJsonError(raw.get(target, cookie), 400, "bad_date");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/api/rota/shifts?from=1900-01-01&to=1900-01-07",
    "/api/rota/gaps?from=2999-12-01&to=2999-12-31",
    "/api/audit?from=1900-01-01&to=2999-12-31",
    "/rota?week=2999-12-31"
  })
  @DisplayName("The first and last days of the range are accepted")
  void rangeEdgesAccepted(String target) {
    Answer answer = raw.get(target, cookie);
    assertEquals(200, answer.status(), answer.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/rota?week=-999999999-01-01", "/rota?week=3000-01-01", "/rota?week=next-tuesday"})
  @DisplayName("The rota page refuses a week it cannot show with the friendly 400 page")
  void farWeekOnRotaPage(String target) {
    Answer answer = raw.get(target, cookie);
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith("text/html"));
    assertTrue(answer.body().contains("in the years 1900 to 2999"), answer.body());
  }

  @Test
  @DisplayName("An override at the far end of time is refused and nothing is stored")
  void farOverrideRefused() {
    long version = manager.get("/api/rota").bodyAsJsonObject().getLong("version");
    var response =
        manager.post(
            "/api/rota/overrides",
            new JsonObject().put("kind", "SICKNESS").put("adviser", "sam").put("start", "-999999999-01-01T00:00").put("end", "-999999999-01-01T10:00"));
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals("bad_time", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(version, manager.get("/api/rota").bodyAsJsonObject().getLong("version"), "nothing stored");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"firstName=Ana%FF", "firstName=Ana%C3", "firstName=Ana\u00ff"})
  @DisplayName("A form body that is not UTF-8, escaped or raw, gets the 400 page and nothing is stored")
  void formNotUtf8(String field) {
    int before = manager.get("/api/care-leavers").bodyAsJsonObject().getJsonArray("careLeavers").size();
    // The last case's ÿ goes as the single byte FF (ISO-8859-1), as an old browser might send it.
    Buffer body = Buffer.buffer((field + "&dateOfBirth=2006-04-01&paUsername=sam&X-XSRF-TOKEN=" + manager.csrf()).getBytes(StandardCharsets.ISO_8859_1));
    var response = await(manager.client().post("/people").putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(body));
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("text/html"), response.getHeader("Content-Type"));
    assertEquals(before, manager.get("/api/care-leavers").bodyAsJsonObject().getJsonArray("careLeavers").size(), "nothing stored");
  }

  @Test
  @DisplayName("The same form in UTF-8, with an escaped and a raw accented letter, is accepted")
  void formInUtf8() {
    Buffer body = Buffer.buffer("firstName=Zo%C3%AB+Ren\u00e9e&dateOfBirth=2006-04-01&paUsername=sam&X-XSRF-TOKEN=" + manager.csrf());
    var response = await(manager.client().post("/people").putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(body));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertTrue(manager.get("/api/care-leavers").bodyAsString().contains("Zo\u00eb Ren\u00e9e"));
  }

  private static void assertJsonError(Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
    JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
    assertEquals(code, error.getString("code"), answer.body());
    assertFalse(error.getString("message").isBlank());
  }
}
