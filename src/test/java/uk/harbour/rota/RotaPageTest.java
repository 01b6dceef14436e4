package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("The rota page")
@Timeout(120)
class RotaPageTest {

  private static RunningHarbour harbour;
  private static TestSession manager;
  private static TestSession adviser;

  @BeforeAll
  static void start() {
    // A Saturday evening in the October clock-change week.
    harbour = RunningHarbour.start(TestClock.at("2026-10-24T22:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    manager = fixtures.signedIn("jo");
    adviser = fixtures.signedIn("sam");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @BeforeEach
  void demoRota() {
    JsonObject current = manager.get("/api/rota").bodyAsJsonObject();
    JsonObject body = RotaJson.toJson(RotaFixtures.demo().rota()).put("version", current.getLong("version"));
    assertEquals(200, manager.json(HttpMethod.PUT, "/api/rota", body).statusCode());
  }

  private static JsonObject stored() {
    return manager.get("/api/rota").bodyAsJsonObject();
  }

  /** Posts a form with the page's CSRF token; {@code onCall} may repeat, so this takes a MultiMap. */
  private static HttpResponse<Buffer> form(TestSession session, String path, MultiMap fields) {
    fields.add("X-XSRF-TOKEN", session.csrf());
    return await(session.client().post(path).sendForm(fields));
  }

  private static MultiMap fields(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** The text of one day's block in the week view. */
  private static String day(String html, String date) {
    int start = html.indexOf("data-date=\"" + date + "\"");
    assertTrue(start > 0, "day " + date + " shown");
    int end = html.indexOf("class=\"rota-day\"", start);
    return html.substring(start, end < 0 ? html.length() : end);
  }

  @Test
  @DisplayName("An ordinary week shows Monday to Sunday with each shift's on call, backup and duty manager, and no clock change")
  void ordinaryWeek() {
    var response = adviser.get("/rota?week=2026-06-10");
    assertEquals(200, response.statusCode());
    String html = response.bodyAsString();
    assertTrue(html.contains("Week of Monday 8 June 2026"), "week starts on the Monday");
    assertTrue(html.contains("href=\"/rota?week=2026-06-01\""), "previous week link");
    assertTrue(html.contains("href=\"/rota?week=2026-06-15\""), "next week link");
    String monday = day(html, "2026-06-08");
    assertTrue(monday.contains("17:00 to 23:00</strong> (6 hours)"), monday);
    assertTrue(monday.contains("<dt>On call</dt><dd>Sam</dd>"), monday);
    assertTrue(monday.contains("<dt>Backup</dt><dd>Priya</dd>"), monday);
    assertTrue(monday.contains("<dt>Duty manager</dt><dd>Jo</dd>"), monday);
    assertTrue(monday.contains("23:00 to 09:00 Tuesday</strong> (10 hours)"), monday);
    assertFalse(html.contains("clock-change"), "no clock change in June");
    assertFalse(html.contains("bank-holiday"), "no bank holiday that week");
    assertEquals(7, html.split("class=\"rota-day\"", -1).length - 1);
  }

  @Test
  @DisplayName("The October clock-change week says the clocks go back and Saturday night lasts 13 hours")
  void clockChangeWeek() {
    String html = adviser.get("/rota?week=2026-10-19").bodyAsString();
    String saturday = day(html, "2026-10-24");
    assertTrue(saturday.contains("21:00 to 09:00 Sunday</strong> (13 hours)"), saturday);
    String sunday = day(html, "2026-10-25");
    assertTrue(sunday.contains("Clocks go back one hour at 02:00"), sunday);
    assertTrue(sunday.contains("21:00 to 09:00 Monday</strong> (12 hours)"), sunday);
    assertFalse(saturday.contains("Clocks go"), "only on the Sunday");
  }

  @Test
  @DisplayName("The March clock-change week says the clocks go forward and Saturday night lasts 11 hours")
  void springForwardWeek() {
    String html = adviser.get("/rota?week=2027-03-28").bodyAsString();
    assertTrue(html.contains("Week of Monday 22 March 2027"), "a Sunday belongs to the week before");
    String saturday = day(html, "2027-03-27");
    assertTrue(saturday.contains("21:00 to 09:00 Sunday</strong> (11 hours)"), saturday);
    assertTrue(day(html, "2027-03-28").contains("Clocks go forward one hour at 01:00"));
  }

  @Test
  @DisplayName("A bank-holiday week names the holiday and follows the Sunday pattern that day")
  void bankHolidayWeek() {
    String html = adviser.get("/rota?week=2026-12-21").bodyAsString();
    String christmas = day(html, "2026-12-25");
    assertTrue(christmas.contains("Bank holiday: Christmas Day"), christmas);
    assertTrue(christmas.contains("09:00 to 21:00</strong> (12 hours)"), "the Sunday day shift: " + christmas);
    assertTrue(christmas.contains("<dt>On call</dt><dd>Priya</dd>"), christmas);
    assertFalse(christmas.contains("17:00 to 09:00 Saturday"), "not the usual Friday overnight shift");
    String thursday = day(html, "2026-12-24");
    assertFalse(thursday.contains("Bank holiday"));
  }

  @Test
  @DisplayName("Advisers see the rota read-only; managers get the forms; who is on call and available now is shown")
  void whoSeesWhat() {
    try (TestSocket console = TestSocket.connect(harbour, adviser)) {
      console.next("welcome");
      String asAdviser = adviser.get("/rota").bodyAsString();
      assertFalse(asAdviser.contains("action=\"/rota/overrides\""), "no forms for advisers");
      assertTrue(asAdviser.contains("Week of Monday 19 October 2026"), "this week by default");
      assertTrue(asAdviser.contains("<strong>On call:</strong> Sam"), "Saturday 22:00: Sam");
      String availability = asAdviser.substring(asAdviser.indexOf("id=\"availability\""));
      assertTrue(availability.contains("<td>Sam</td><td>Adviser</td><td>Available</td><td>Yes</td>"), availability);
      assertTrue(availability.contains("<td>Priya</td><td>Adviser</td><td>Not signed in to the console</td><td>No</td>"), availability);
    }
    String asManager = manager.get("/rota").bodyAsString();
    assertTrue(asManager.contains("action=\"/rota/overrides\""));
    assertTrue(asManager.contains("action=\"/rota/shifts/mon-evening\""));
    assertTrue(asManager.contains("name=\"X-XSRF-TOKEN\" value=\""));
    assertTrue(asManager.contains("No gaps"));
    assertEquals(302, new TestSession(harbour).get("/rota").statusCode());
  }

  @Test
  @DisplayName("A manager adds and removes an override through the forms; gaps it leaves are warned about")
  void overrideThroughForms() {
    var added = form(manager, "/rota/overrides", fields("kind", "SICKNESS", "adviser", "sam", "replaces", "", "start", "2026-10-26T17:00", "end", "2026-10-27T09:00", "week", "2026-10-26"));
    assertEquals(302, added.statusCode(), added.bodyAsString());
    assertEquals("/rota?week=2026-10-26&saved=1", added.getHeader("Location"));
    JsonObject override = stored().getJsonArray("overrides").getJsonObject(0);
    assertEquals("sam", override.getString("adviser"));
    String page = manager.get("/rota?week=2026-10-26&saved=1").bodyAsString();
    assertTrue(page.contains("Your change is saved."));
    assertTrue(page.contains("Sam is off sick"));
    assertTrue(page.contains("Nobody on call: Mon 26 Oct 17:00 to Mon 26 Oct 23:00"), "gap warned");

    var removed = form(manager, "/rota/overrides/" + override.getString("id") + "/remove", fields("week", "2026-10-26"));
    assertEquals(302, removed.statusCode());
    assertTrue(stored().getJsonArray("overrides").isEmpty());
  }

  @Test
  @DisplayName("A manager changes, adds and removes shifts of the weekly pattern through the forms")
  void shiftsThroughForms() {
    long version = stored().getLong("version");
    MultiMap change = fields("version", Long.toString(version), "week", "2026-10-19", "day", "MONDAY", "start", "18:00", "end", "23:00", "backup", "sam", "dutyManager", "jo");
    change.add("onCall", "priya");
    assertEquals(302, form(manager, "/rota/shifts/mon-evening", change).statusCode());
    JsonObject monday = stored().getJsonArray("templates").getJsonObject(0);
    assertEquals("18:00", monday.getString("start"));
    assertEquals("priya", monday.getJsonArray("onCall").getString(0));

    MultiMap add = fields("version", Long.toString(version + 1), "day", "SUNDAY", "start", "12:00", "end", "13:00");
    add.add("onCall", "sam");
    add.add("onCall", "priya");
    assertEquals(302, form(manager, "/rota/shifts", add).statusCode());
    assertEquals(14, stored().getJsonArray("templates").size());

    assertEquals(302, form(manager, "/rota/shifts/sun-day/remove", fields("version", Long.toString(version + 2))).statusCode());
    assertEquals(13, stored().getJsonArray("templates").size());
    assertEquals(version + 3, stored().getLong("version"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "overlapping the same adviser | SICKNESS | priya | ''    | 2026-10-26T12:00 | 2026-10-27T12:00 | 400 | another change to the rota at that time",
        "end before start             | SICKNESS | sam   | ''    | 2026-10-27T09:00 | 2026-10-26T17:00 | 400 | The end must be after the start.",
        "an unknown adviser           | COVER    | ghost | ''    | 2026-10-26T17:00 | 2026-10-27T09:00 | 400 | Choose people from the lists",
        "a time the clocks skip       | SICKNESS | sam   | ''    | 2027-03-28T01:30 | 2027-03-28T09:00 | 400 | the clocks go forward an hour that night",
        "a swap with nobody replaced  | SWAP     | sam   | ''    | 2026-10-26T17:00 | 2026-10-27T09:00 | 400 | A swap needs the person being replaced.",
        "an unreadable time           | SICKNESS | sam   | ''    | tomorrow         | 2026-10-27T09:00 | 400 | Enter the start as a date and time",
        "a missing end                | SICKNESS | sam   | ''    | 2026-10-26T17:00 | ''               | 400 | Enter when it ends.",
      })
  @DisplayName("The override form refuses bad input with a plain-English message and stores nothing")
  void badOverrideForm(String name, String kind, String who, String replaces, String start, String end, int status, String message) {
    // Priya already has a change that evening, so a second one overlaps.
    assertEquals(201, manager.post("/api/rota/overrides", new JsonObject().put("id", "priya-off").put("kind", "SICKNESS").put("adviser", "priya")
        .put("start", "2026-10-26T10:00").put("end", "2026-10-26T20:00")).statusCode());
    JsonObject before = stored();
    var response = form(manager, "/rota/overrides", fields("kind", kind, "adviser", who, "replaces", replaces, "start", start, "end", end, "week", "2026-10-26"));
    assertEquals(status, response.statusCode(), name);
    String html = response.bodyAsString();
    assertTrue(html.contains("There is a problem"), name);
    assertTrue(html.contains(message), name + ": " + html.substring(html.indexOf("error-summary") - 20, html.indexOf("error-summary") + 400));
    assertEquals(before, stored(), "nothing stored");
  }

  @Test
  @DisplayName("The shift form refuses nobody on call, a stale page (409) and a missing CSRF token, storing nothing")
  void badShiftForm() {
    JsonObject before = stored();
    long version = before.getLong("version");
    var nobody = form(manager, "/rota/shifts/mon-evening", fields("version", Long.toString(version), "day", "MONDAY", "start", "17:00", "end", "23:00"));
    assertEquals(400, nobody.statusCode());
    assertTrue(nobody.bodyAsString().contains("Choose at least one person to be on call"));

    MultiMap stale = fields("version", Long.toString(version - 1), "day", "MONDAY", "start", "17:00", "end", "22:00");
    stale.add("onCall", "sam");
    var conflict = form(manager, "/rota/shifts/mon-evening", stale);
    assertEquals(409, conflict.statusCode());
    assertTrue(conflict.bodyAsString().contains("Someone else changed the rota while you had this page open"));

    MultiMap noToken = fields("version", Long.toString(version), "day", "MONDAY", "start", "17:00", "end", "22:00", "onCall", "sam");
    assertEquals(403, await(manager.client().post("/rota/shifts/mon-evening").sendForm(noToken)).statusCode());

    var badTime = form(manager, "/rota/shifts/mon-evening", fields("version", Long.toString(version), "day", "MONDAY", "start", "5pm", "end", "23:00", "onCall", "sam"));
    assertEquals(400, badTime.statusCode());
    assertTrue(badTime.bodyAsString().contains("Enter the start time like 17:00."));
    assertEquals(before, stored());
  }

  @Test
  @DisplayName("A manager sets the office-hours duty manager; the week shows it, the gaps warn while there is none, and advisers cannot change it")
  void officeHoursDutyManager() {
    long version = stored().getLong("version");
    assertEquals(302, form(manager, "/rota/office-hours", fields("version", Long.toString(version), "dutyManager", "", "week", "2026-10-26")).statusCode());
    assertTrue(stored().getJsonArray("officeHours").getJsonObject(0).getString("dutyManager") == null, "none chosen");
    String none = adviser.get("/rota?week=2026-10-26").bodyAsString();
    assertTrue(day(none, "2026-10-26").contains("Office hours 09:00 to 17:00. Duty manager: <strong>none</strong>"), day(none, "2026-10-26"));
    assertTrue(none.contains("No duty manager: Mon 26 Oct 09:00 to Mon 26 Oct 17:00"), "office hours without one are a gap");

    assertEquals(403, form(adviser, "/rota/office-hours", fields("version", Long.toString(version + 1), "dutyManager", "jo")).statusCode());
    var unknown = form(manager, "/rota/office-hours", fields("version", Long.toString(version + 1), "dutyManager", "nobody"));
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("Choose people from the lists"), "plain English, nothing stored");
    assertEquals(version + 1, stored().getLong("version"));

    assertEquals(302, form(manager, "/rota/office-hours", fields("version", Long.toString(version + 1), "dutyManager", "jo", "week", "2026-10-26")).statusCode());
    assertEquals("jo", stored().getJsonArray("officeHours").getJsonObject(0).getString("dutyManager"));
    String set = manager.get("/rota?week=2026-10-26").bodyAsString();
    assertTrue(day(set, "2026-10-26").contains("Office hours 09:00 to 17:00. Duty manager: Jo"), day(set, "2026-10-26"));
    assertFalse(set.contains("No duty manager: Mon 26 Oct 09:00"), set);
    assertTrue(set.contains("<option value=\"jo\" selected>"), "the form shows the current choice");
  }

  @Test
  @DisplayName("Advisers cannot post the rota forms")
  void advisersCannotChange() {
    JsonObject before = stored();
    var response = form(adviser, "/rota/overrides", fields("kind", "SICKNESS", "adviser", "sam", "start", "2026-10-26T17:00", "end", "2026-10-27T09:00"));
    assertEquals(403, response.statusCode());
    assertEquals(403, form(adviser, "/rota/shifts/mon-evening/remove", fields("version", before.getLong("version").toString())).statusCode());
    assertEquals(before, stored());
  }
}
