package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

@DisplayName("A running Harbour answers its operational and error routes")
@Timeout(120)
class FoundationTest {

  private static RunningHarbour harbour;
  private static TestSession staff;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private HttpResponse<Buffer> get(String path) {
    return await(harbour.http().get(path).send());
  }

  @Test
  @DisplayName("The landing page tells a care leaver what Harbour is, in plain English")
  void landingPage() {
    HttpResponse<Buffer> response = get("/");
    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("Content-Type").startsWith("text/html"));
    String html = response.bodyAsString();
    assertTrue(html.contains("Talk to your leaving care team"), html);
    assertTrue(html.contains("Demo Borough Council"));
    assertTrue(html.contains("href=\"/signin\""), "a staff sign-in link");
    assertNotNull(response.getHeader("Content-Security-Policy"));
  }

  @Test
  @DisplayName("Liveness and readiness are UP while the store answers")
  void health() {
    HttpResponse<Buffer> live = get("/health/live");
    assertEquals(200, live.statusCode());
    HttpResponse<Buffer> ready = get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertEquals("UP", ready.bodyAsJsonObject().getString("status"));
  }

  @Test
  @DisplayName("Metrics are served in Prometheus format")
  void metrics() {
    get("/");
    HttpResponse<Buffer> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("vertx_http_server_requests_total"), "request counter present");
  }

  @Test
  @DisplayName("Pages load static files under their version, kept for a year; other versions are sent to it; plain paths are checked each time")
  void staticFiles() {
    String version = harbour.harbour().services().pages().assetVersion();
    String assets = "/static/v/" + version;
    assertTrue(get("/").bodyAsString().contains("href=\"" + assets + "/css/harbour.css\""), "the page names the versioned path");

    HttpResponse<Buffer> versioned = get(assets + "/js/chat.js");
    assertEquals(200, versioned.statusCode());
    assertEquals("public, max-age=31536000, immutable", versioned.getHeader("Cache-Control"));
    assertTrue(versioned.bodyAsString().contains("import { Outbox } from \"./outbox.js\""), "its imports resolve under the same version");

    HttpResponse<Buffer> older = await(harbour.http().get("/static/v/0123456789ab/js/outbox.js").followRedirects(false).send());
    assertEquals(302, older.statusCode(), "a page from before an upgrade");
    assertEquals(assets + "/js/outbox.js", older.getHeader("Location"));
    assertEquals("no-cache", older.getHeader("Cache-Control"));

    HttpResponse<Buffer> plain = get("/static/css/harbour.css");
    assertEquals(200, plain.statusCode());
    assertEquals("no-cache", plain.getHeader("Cache-Control"));
    HttpResponse<Buffer> unchanged =
        await(harbour.http().get("/static/css/harbour.css").putHeader("If-Modified-Since", plain.getHeader("Last-Modified")).send());
    assertEquals(304, unchanged.statusCode(), "checked with the server, and not sent again when unchanged");

    assertEquals(404, get("/static/../pom.xml").statusCode());
    assertEquals(404, get(assets + "/../../../pom.xml").statusCode());
    assertEquals(404, get("/static/v/").statusCode());
  }

  @Test
  @DisplayName("An unknown API route answers 404 as JSON in the one error shape")
  void unknownApiRoute() {
    HttpResponse<Buffer> response = get("/api/nothing-here");
    assertEquals(404, response.statusCode());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals("not_found", error.getString("code"));
    assertFalse(error.getString("message").isBlank());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/session, 'DELETE, POST'",
    "PATCH, /api/rota, 'GET, PUT'",
    "TRACE, /api/me, GET",
    "GET, /api/care-leavers/some-id/pa, PUT",
    "DELETE, /api/rota/shifts/, GET",
  })
  @DisplayName("A route's path asked with another method answers 405 method_not_allowed, with the methods it takes in Allow")
  void otherMethodOnKnownPath(String method, String path, String allow) {
    // Signed in, so an unsafe method gets past the CSRF check with the session's token.
    Fixtures fixtures = new Fixtures(harbour);
    if (staff == null) {
      fixtures.staff("ops", Role.MANAGER);
      staff = fixtures.signedIn("ops");
    }
    HttpResponse<Buffer> response = staff.json(HttpMethod.valueOf(method), path, null);
    assertEquals(405, response.statusCode(), response.bodyAsString());
    assertEquals(allow, response.getHeader("Allow"));
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
    assertEquals("method_not_allowed", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("A page's path asked with another method gets the 405 error page; a path nobody serves stays 404")
  void otherMethodOnPage() {
    HttpResponse<Buffer> page = await(harbour.http().request(HttpMethod.OPTIONS, "/help").send());
    assertEquals(405, page.statusCode());
    assertEquals("GET", page.getHeader("Allow"));
    assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
    assertEquals(404, await(harbour.http().request(HttpMethod.TRACE, "/api/nothing-here").send()).statusCode());
    assertEquals(404, get("/static/no-such-file.js").statusCode(), "a GET route's path, asked with GET");
  }

  @Test
  @DisplayName("An unknown page answers 404 with a friendly HTML page and no stack trace")
  void unknownPage() {
    HttpResponse<Buffer> response = get("/nothing-here");
    assertEquals(404, response.statusCode());
    String html = response.bodyAsString();
    assertTrue(html.contains("Page not found"), html);
    assertFalse(html.contains("Exception"));
    assertFalse(html.contains("at uk.harbour"));
  }

  @Test
  @DisplayName("A body over the limit is refused with 413 in the JSON error shape")
  void oversizedBody() {
    Buffer big = Buffer.buffer("x".repeat(70_000));
    HttpResponse<Buffer> response = await(harbour.http().post("/api/anything").putHeader("Content-Type", "application/json").sendBuffer(big));
    assertEquals(413, response.statusCode());
    assertEquals("too_large", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }
}
