package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.identity.Role;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("The rota's JSON API")
@Timeout(120)
class RotaApiTest {

  private static RunningHarbour harbour;
  private static TestSession manager;
  private static TestSession adviser;
  private static TestSession admin;
  private static final List<Long> published = new CopyOnWriteArrayList<>();
  private static final List<RotaEngine> heard = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-10-21T12:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("alex", Role.ADMIN);
    manager = fixtures.signedIn("jo");
    adviser = fixtures.signedIn("sam");
    admin = fixtures.signedIn("alex");
    harbour.vertx().eventBus().<JsonObject>consumer(RotaAddresses.CHANGED, m -> published.add(m.body().getLong("version")));
    harbour.harbour().services().rota().onChange(heard::add);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  /** Every test starts from the demo rota with one override, stored through the API. */
  @BeforeEach
  void demoRota() {
    JsonObject body = RotaJson.toJson(RotaFixtures.demo().rota()).put("version", version());
    var put = manager.json(HttpMethod.PUT, "/api/rota", body);
    assertEquals(200, put.statusCode(), put.bodyAsString());
    var added = manager.post("/api/rota/overrides", override("sick-sam", "SICKNESS", "sam", "2026-10-22T17:00", "2026-10-23T09:00"));
    assertEquals(201, added.statusCode(), added.bodyAsString());
  }

  private static long version() {
    return manager.get("/api/rota").bodyAsJsonObject().getLong("version");
  }

  private static JsonObject stored() {
    return manager.get("/api/rota").bodyAsJsonObject();
  }

  private static JsonObject override(String id, String kind, String who, String start, String end) {
    JsonObject json = new JsonObject().put("kind", kind).put("adviser", who).put("start", start).put("end", end);
    return id == null ? json : json.put("id", id);
  }

  private static String code(io.vertx.ext.web.client.HttpResponse<?> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("Staff read the rota with its version; a change stores it, bumps the version, swaps the engine and tells every node")
  void readAndChange() {
    JsonObject before = adviser.get("/api/rota").bodyAsJsonObject();
    assertEquals(13, before.getJsonArray("templates").size());
    assertEquals("sam", before.getJsonArray("templates").getJsonObject(0).getJsonArray("onCall").getString(0));
    long version = before.getLong("version");
    int heardBefore = heard.size();

    JsonObject changed = before.copy();
    changed.getJsonArray("templates").getJsonObject(0).put("onCall", new JsonArray().add("priya"));
    var response = admin.json(HttpMethod.PUT, "/api/rota", changed);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(version + 1, response.bodyAsJsonObject().getLong("version"));

    RotaService rota = harbour.harbour().services().rota();
    assertEquals(version + 1, rota.current().version());
    assertEquals(List.of("priya"), rota.engine().rota().templates().get(0).onCall());
    assertEquals(heardBefore + 1, heard.size(), "local listeners told once");
    Eventually.eventually(() -> published.contains(version + 1));
  }

  @Test
  @DisplayName("A change based on a stale version is refused with 409 conflict and stores nothing")
  void staleVersion() {
    JsonObject before = stored();
    JsonObject stale = before.copy().put("version", before.getLong("version") - 1).put("templates", new JsonArray());
    var response = manager.json(HttpMethod.PUT, "/api/rota", stale);
    assertEquals(409, response.statusCode());
    assertEquals("conflict", code(response));
    assertEquals(before, stored());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "bad JSON                    | {\"version\": 1,                                  | bad_json",
        "an unknown field            | {\"version\": VERSION, \"officeHours\": [], \"templates\": [], \"owner\": \"jo\"} | unknown_field",
        "a $ key                     | {\"version\": VERSION, \"officeHours\": [], \"templates\": [{\"$where\": 1}]} | bad_key",
        "no version                  | {\"officeHours\": [], \"templates\": []}          | missing_field",
        "an unknown adviser          | {\"version\": VERSION, \"officeHours\": [], \"templates\": [{\"id\": \"t\", \"day\": \"MONDAY\", \"start\": \"17:00\", \"end\": \"09:00\", \"onCall\": [\"nobody\"]}]} | unknown_adviser",
        "a shift with nobody on call | {\"version\": VERSION, \"officeHours\": [], \"templates\": [{\"id\": \"t\", \"day\": \"MONDAY\", \"start\": \"17:00\", \"end\": \"09:00\", \"onCall\": []}]} | no_on_call_adviser",
        "overlapping overrides       | {\"version\": VERSION, \"officeHours\": [], \"templates\": [], \"overrides\": [{\"id\": \"a\", \"kind\": \"SICKNESS\", \"adviser\": \"sam\", \"start\": \"2026-11-01T10:00\", \"end\": \"2026-11-02T10:00\"}, {\"id\": \"b\", \"kind\": \"SICKNESS\", \"adviser\": \"sam\", \"start\": \"2026-11-02T09:00\", \"end\": \"2026-11-03T10:00\"}]} | override_overlap",
        "a wrong type                | {\"version\": \"1\", \"officeHours\": [], \"templates\": []} | wrong_type",
      })
  @DisplayName("Replacing the rota refuses bad input with 400 and a stable code, and stores nothing")
  void badReplace(String name, String body, String expectedCode) {
    JsonObject before = stored();
    var response = manager.json(HttpMethod.PUT, "/api/rota", body.replace("VERSION", before.getLong("version").toString()));
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(expectedCode, code(response), name);
    assertEquals(before, stored(), "nothing stored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "overlapping the same adviser | {\"kind\": \"COVER\", \"adviser\": \"sam\", \"start\": \"2026-10-23T08:00\", \"end\": \"2026-10-23T12:00\"} | override_overlap",
        "end before start             | {\"kind\": \"SICKNESS\", \"adviser\": \"priya\", \"start\": \"2026-11-02T09:00\", \"end\": \"2026-11-01T09:00\"} | end_before_start",
        "an unknown adviser           | {\"kind\": \"SICKNESS\", \"adviser\": \"ghost\", \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\"} | unknown_adviser",
        "a time the clocks skip       | {\"kind\": \"SICKNESS\", \"adviser\": \"priya\", \"start\": \"2027-03-28T01:30\", \"end\": \"2027-03-28T09:00\"} | nonexistent_local_time",
        "a swap with nobody replaced  | {\"kind\": \"SWAP\", \"adviser\": \"priya\", \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\"} | missing_replaces",
        "an unknown kind              | {\"kind\": \"HOLIDAY\", \"adviser\": \"priya\", \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\"} | bad_value",
        "a zoned instant              | {\"kind\": \"SICKNESS\", \"adviser\": \"priya\", \"start\": \"2026-11-01T09:00Z\", \"end\": \"2026-11-02T09:00\"} | bad_time",
        "an unknown field             | {\"kind\": \"SICKNESS\", \"adviser\": \"priya\", \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\", \"note\": \"x\"} | unknown_field",
        "a $ operator                 | {\"kind\": \"SICKNESS\", \"adviser\": {\"$ne\": null}, \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\"} | bad_key",
        "bad JSON                     | [1, 2]                                                                                               | bad_json",
        "a duplicate id               | {\"id\": \"sick-sam\", \"kind\": \"SICKNESS\", \"adviser\": \"priya\", \"start\": \"2026-11-01T09:00\", \"end\": \"2026-11-02T09:00\"} | duplicate_id",
      })
  @DisplayName("Adding an override refuses bad input with 400 and a stable code, and stores nothing")
  void badOverride(String name, String body, String expectedCode) {
    JsonObject before = stored();
    var response = manager.post("/api/rota/overrides", body);
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(expectedCode, code(response), name);
    assertEquals(before, stored(), "nothing stored");
  }

  @Test
  @DisplayName("Overrides are added with a server-made id and removed by id; removing an unknown one is 404")
  void addAndRemoveOverride() {
    var added = manager.post("/api/rota/overrides", override(null, "COVER", "priya", "2026-10-24T21:00", "2026-10-25T09:00").put("replaces", "sam"));
    assertEquals(201, added.statusCode(), added.bodyAsString());
    String id = added.bodyAsJsonObject().getJsonObject("override").getString("id");
    assertTrue(stored().getJsonArray("overrides").stream().anyMatch(o -> ((JsonObject) o).getString("id").equals(id)));

    var removed = manager.json(HttpMethod.DELETE, "/api/rota/overrides/" + id, null);
    assertEquals(200, removed.statusCode(), removed.bodyAsString());
    assertFalse(stored().getJsonArray("overrides").stream().anyMatch(o -> ((JsonObject) o).getString("id").equals(id)));
    assertEquals(404, manager.json(HttpMethod.DELETE, "/api/rota/overrides/" + id, null).statusCode());
  }

  @Test
  @DisplayName("Advisers can read but not change the rota; signed-out callers get 401; a change without the CSRF header is 403")
  void roles() {
    assertEquals(200, adviser.get("/api/rota").statusCode());
    JsonObject before = stored();
    var put = adviser.json(HttpMethod.PUT, "/api/rota", before);
    assertEquals(403, put.statusCode());
    assertEquals("forbidden", code(put));
    assertEquals(403, adviser.post("/api/rota/overrides", override(null, "SICKNESS", "sam", "2026-11-01T09:00", "2026-11-02T09:00")).statusCode());
    assertEquals(403, adviser.json(HttpMethod.DELETE, "/api/rota/overrides/sick-sam", null).statusCode());
    assertEquals(401, new TestSession(harbour).get("/api/rota").statusCode());
    var noCsrf = await(manager.client().put("/api/rota").putHeader("Content-Type", "application/json").sendJsonObject(before));
    assertEquals(403, noCsrf.statusCode());
    assertEquals(before, stored());
  }

  @Test
  @DisplayName("Every change is in the audit log with who made it and the new version")
  void audited() {
    long version = version();
    var events = await(harbour.harbour().services().audit().find(
        new AuditQuery(java.util.Optional.of("jo"), java.util.Optional.of(AuditAction.ROTA_CHANGED), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), 10)));
    assertTrue(events.stream().anyMatch(e -> e.detail().getLong("version") == version
        && "override_added".equals(e.detail().getString("change")) && "sick-sam".equals(e.detail().getJsonObject("override").getString("id"))
        && "rota".equals(e.subjectId()) && "MANAGER".equals(e.actorRole())), events.toString());
    assertTrue(events.stream().anyMatch(e -> e.detail().getLong("version") == version - 1 && "replaced".equals(e.detail().getString("change"))));
  }

  @Test
  @DisplayName("The shifts of the October clock-change week run to the right instants: Saturday night lasts 13 hours")
  void shiftsInClockChangeWeek() {
    var response = adviser.get("/api/rota/shifts?from=2026-10-19&to=2026-10-25");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray shifts = response.bodyAsJsonObject().getJsonArray("shifts");
    JsonObject saturdayNight = shifts.stream().map(JsonObject.class::cast)
        .filter(s -> "sat-night".equals(s.getString("template"))).findFirst().orElseThrow();
    assertEquals("2026-10-24T20:00:00Z", saturdayNight.getString("start"));
    assertEquals("2026-10-25T09:00:00Z", saturdayNight.getString("end"));
    JsonObject thursdayEvening = shifts.stream().map(JsonObject.class::cast)
        .filter(s -> "thu-evening".equals(s.getString("template"))).findFirst().orElseThrow();
    assertEquals(new JsonArray(), thursdayEvening.getJsonArray("onCall"), "Sam is off sick, so nobody");
    assertEquals(List.of("sick-sam"), thursdayEvening.getJsonArray("overrides").getList());
  }

  @Test
  @DisplayName("Gaps are reported: Sam's sickness leaves Thursday evening uncovered and Priya's night without a backup")
  void gaps() {
    var response = adviser.get("/api/rota/gaps?from=2026-10-19&to=2026-10-25");
    assertEquals(200, response.statusCode());
    JsonArray gaps = response.bodyAsJsonObject().getJsonArray("gaps");
    assertEquals(2, gaps.size(), gaps.encode());
    assertEquals("NOBODY_ON_CALL", gaps.getJsonObject(0).getString("kind"));
    assertEquals(Instant.parse("2026-10-22T16:00:00Z").toString(), gaps.getJsonObject(0).getString("start"));
    assertEquals(Instant.parse("2026-10-22T22:00:00Z").toString(), gaps.getJsonObject(0).getString("end"));
    assertEquals("NO_BACKUP", gaps.getJsonObject(1).getString("kind"), "Sam was Priya's backup that night");
    assertEquals(Instant.parse("2026-10-22T22:00:00Z").toString(), gaps.getJsonObject(1).getString("start"));
    assertEquals(Instant.parse("2026-10-23T08:00:00Z").toString(), gaps.getJsonObject(1).getString("end"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/rota/shifts?from=2026-10-25&to=2026-10-19, end_before_start",
    "/api/rota/shifts?from=2026-01-01&to=2026-12-31, range_too_long",
    "/api/rota/shifts?from=19/10/2026&to=2026-10-25, bad_date",
    "/api/rota/gaps?from=2026-10-19, missing_field",
    "/api/rota/gaps?from=2026-01-01&to=2027-12-31, range_too_long",
  })
  @DisplayName("Bad date ranges are refused with 400")
  void badRanges(String path, String expectedCode) {
    var response = adviser.get(path);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals(expectedCode, code(response));
  }
}
