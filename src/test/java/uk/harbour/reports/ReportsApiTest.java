package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSession;

@DisplayName("Reports over HTTP: the API, the page and both CSVs agree, filters, access and audit")
@Timeout(180)
class ReportsApiTest {

  private static final String FORTNIGHT = "from=2026-03-23&to=2026-04-05";
  private static final Pattern CELL = Pattern.compile("data-figure=\"([^\"]+)\" data-value=\"([^\"]*)\"");

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession jo;

  @BeforeAll
  static void start() {
    harbour = ReportFixtures.start();
    fixtures = new Fixtures(harbour);
    ReportFixtures.load(harbour, ReportHistory.messages());
    jo = fixtures.signedIn("jo");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static JsonObject summary(TestSession who, String query) {
    HttpResponse<Buffer> response = who.get("/api/reports/summary?" + query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static String errorCode(TestSession who, String path, int status) {
    HttpResponse<Buffer> response = who.get(path);
    assertEquals(status, response.statusCode(), path + ": " + response.bodyAsString());
    return path.startsWith("/api/") ? response.bodyAsJsonObject().getJsonObject("error").getString("code") : "";
  }

  /** A figure's value in the API's JSON by its dotted name: list elements by their date, day, adviser or shift, or index. */
  private static Object lookUp(JsonObject json, String figure) {
    Object at = json;
    for (String part : figure.split("\\.")) {
      if (at instanceof JsonObject o) {
        at = o.getValue(part);
      } else if (at instanceof JsonArray a) {
        Object found = null;
        for (Object element : a) {
          if (element instanceof JsonObject e && List.of("date", "day", "adviser", "shift").stream().anyMatch(k -> part.equals(e.getValue(k)))) {
            found = element;
          }
        }
        at = found != null ? found : a.getValue(Integer.parseInt(part));
      } else {
        throw new AssertionError("no " + figure + " in the API's answer");
      }
    }
    return at;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  @Test
  @DisplayName("The API answers the headline figures in seconds, with the previous period")
  void summaryFigures() {
    JsonObject s = summary(jo, FORTNIGHT);
    assertEquals(9, s.getInteger("episodes"));
    assertEquals(300L, s.getJsonObject("firstResponse").getLong("median"));
    assertEquals(27000L, s.getJsonObject("firstResponse").getLong("p90"));
    assertEquals(0.2222, s.getJsonObject("withinSla").getDouble("share"));
    assertEquals(5, s.getJsonObject("missed").getInteger("count"));
    assertEquals(ReportHistory.TEAM, s.getString("team"), "a manager's report is their team's");
    assertEquals("2026-03-09", s.getJsonObject("previous").getString("from"));
    assertEquals(0, s.getJsonObject("previous").getInteger("episodes"));
  }

  @Test
  @DisplayName("A period with no episodes says so under the chart of episodes by day")
  void emptyPeriodSaysSo() {
    String page = jo.get("/reports?from=2025-01-06&to=2025-01-12").bodyAsString();
    assertTrue(page.contains("No episodes in this period."), "the caption says there is nothing to draw");
    assertFalse(page.contains("The tallest bar is"), "not a tallest bar of 1 episodes");
  }

  @Test
  @DisplayName("Every number on the page is the API's to the second, and so is every line of the summary CSV")
  void pageAndCsvEqualTheApi() {
    JsonObject api = summary(jo, FORTNIGHT);
    HttpResponse<Buffer> page = jo.get("/reports?" + FORTNIGHT);
    assertEquals(200, page.statusCode());
    Matcher cells = CELL.matcher(page.bodyAsString());
    int compared = 0;
    while (cells.find()) {
      assertEquals(text(lookUp(api, cells.group(1))), cells.group(2), "page figure " + cells.group(1));
      compared++;
    }
    assertTrue(compared > 500, "the page shows the headline, groups, advisers, shifts, days and the week grid, and each for the previous period: " + compared);
    assertTrue(page.bodyAsString().contains("<svg"), "charts are drawn on the server");

    HttpResponse<Buffer> csv = jo.get("/api/reports/summary.csv?" + FORTNIGHT);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
    List<String> lines = csv.bodyAsString().lines().toList();
    assertEquals("figure,value", lines.get(0));
    Map<String, String> figures = new LinkedHashMap<>();
    lines.subList(1, lines.size()).forEach(line -> figures.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1)));
    figures.forEach((figure, value) -> {
      if (!figure.endsWith(".label")) {
        assertEquals(text(lookUp(api, figure)), value, "CSV figure " + figure);
      }
    });
    assertEquals("300", figures.get("firstResponse.median"));
    assertEquals("1800", figures.get("byAdviser.priya.reply.median"));
    assertEquals("1", figures.get("byHourOfWeek.SUNDAY.hours.0"));
  }

  @Test
  @DisplayName("Beside every number on the page is the previous period's, the API's to the second: a week against the one before")
  void pageComparesEveryFigureWithThePreviousPeriod() {
    String week = "from=2026-03-30&to=2026-04-05";
    JsonObject api = summary(jo, week);
    String page = jo.get("/reports?" + week).bodyAsString();
    Map<String, String> cells = new LinkedHashMap<>();
    Matcher found = CELL.matcher(page);
    while (found.find()) {
      assertEquals(text(lookUp(api, found.group(1))), found.group(2), "page figure " + found.group(1));
      cells.put(found.group(1), found.group(2));
    }
    // Every figure has its previous value on the page, unless the previous period has no such row (a
    // member of staff or a shift it did not have); a day's is the day as many days earlier as the period is long.
    Map<String, Object> inApi = ReportCsv.flatten(api);
    int beside = 0;
    for (String figure : cells.keySet()) {
      if (figure.startsWith("previous.")) {
        continue;
      }
      String previous = "previous." + (figure.startsWith("byDay.") ? "byDay." + LocalDate.parse(figure.split("\\.")[1]).minusDays(7) + "." + figure.split("\\.")[2] : figure);
      if (inApi.containsKey(previous)) {
        assertTrue(cells.containsKey(previous), "no previous value beside " + figure);
        beside++;
      } else {
        assertTrue(figure.startsWith("byAdviser.") || figure.startsWith("byShift."), "the API has no previous value for " + figure);
      }
    }
    assertTrue(beside > 250, "compared figures: " + beside);
    // Worked out in ReportFiguresTest: this week 2 episodes, the week before 7; Priya's replies 2400 and 2700 that week.
    assertEquals("2", cells.get("episodes"));
    assertEquals("7", cells.get("previous.episodes"));
    assertEquals("2400", cells.get("previous.byAdviser.priya.reply.median"));
    assertEquals("1", cells.get("previous.byDay.2026-03-29.episodes"), "B on Sunday 29 March, beside Sunday 5 April");
    assertEquals("3", cells.get("previous.officeHours.episodes"));
    assertEquals("0", cells.get("officeHours.episodes"));
    assertEquals("1", cells.get("previous.byHourOfWeek.TUESDAY.hours.22"), "A, Tuesday 22:50 the week before");
    assertTrue(page.contains("<th scope=\"row\">Previous period</th>"), "each compared row is named for screen readers");
  }

  @Test
  @DisplayName("The episodes CSV has one row per episode, no message text, and its durations give the page's medians")
  void episodesCsv() {
    HttpResponse<Buffer> response = jo.get("/api/reports/episodes.csv?" + FORTNIGHT);
    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("Content-Disposition").contains("attachment"));
    String body = response.bodyAsString();
    assertFalse(body.contains("words never reach a report"), "never message text");
    List<String> lines = body.lines().toList();
    assertEquals(ReportCsv.EPISODE_HEADER, lines.get(0));
    assertEquals(10, lines.size(), "a header and nine episodes");
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int first = header.indexOf("first_response_s");
    int missed = header.indexOf("missed");
    List<Long> firstResponses = new ArrayList<>();
    int missedCount = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(header.size(), cells.length, line);
      if (!cells[first].isEmpty()) {
        firstResponses.add(Long.parseLong(cells[first]));
      }
      missedCount += "yes".equals(cells[missed]) ? 1 : 0;
    }
    JsonObject api = summary(jo, FORTNIGHT);
    Stat fromCsv = Stat.of(firstResponses);
    assertEquals(api.getJsonObject("firstResponse").getLong("median"), fromCsv.median());
    assertEquals(api.getJsonObject("firstResponse").getLong("p90"), fromCsv.p90());
    assertEquals(api.getJsonObject("missed").getInteger("count"), missedCount);
    assertTrue(lines.get(1).startsWith(ReportHistory.A + ",1,leaving-care,2026-03-24T22:50:00Z,2026-03-24 22:50:00,tue-evening,evening,no,no,1200,sam,own_pa"), lines.get(1));
  }

  @Test
  @DisplayName("Filters: adviser, shift type, priority and presets; a manager cannot ask for another team")
  void filters() {
    assertEquals(4, summary(jo, FORTNIGHT + "&adviser=priya").getInteger("episodes"));
    assertEquals(3, summary(jo, FORTNIGHT + "&shiftType=office_hours").getInteger("episodes"));
    assertEquals(1, summary(jo, FORTNIGHT + "&priority=urgent").getInteger("episodes"));
    assertEquals(8, summary(jo, FORTNIGHT + "&priority=normal").getInteger("episodes"));
    assertEquals(1, summary(jo, FORTNIGHT + "&shiftType=bank_holiday").getInteger("episodes"));
    JsonObject week = summary(jo, "preset=7d");
    assertEquals("2026-03-30", week.getString("from"));
    assertEquals("2026-04-05", week.getString("to"));
    assertEquals(2, week.getInteger("episodes"));
    assertEquals(7, week.getJsonObject("previous").getInteger("episodes"));
    assertEquals("2026-03-09", summary(jo, "preset=4w").getString("from"));
    assertEquals("2026-01-05", summary(jo, "preset=quarter").getString("from"));
    assertEquals(9, summary(jo, FORTNIGHT + "&team=" + ReportHistory.TEAM).getInteger("episodes"));
    assertEquals("forbidden", errorCode(jo, "/api/reports/summary?team=" + ReportFixtures.OTHER_TEAM, 403));
  }

  @Test
  @DisplayName("Bad filters get a clear 400 and the page an error page")
  void badFilters() {
    assertEquals("bad_date", errorCode(jo, "/api/reports/summary?from=2026-13-01", 400));
    assertEquals("bad_date", errorCode(jo, "/api/reports/episodes.csv?to=yesterday", 400));
    assertEquals("end_before_start", errorCode(jo, "/api/reports/summary?from=2026-04-05&to=2026-04-01", 400));
    assertEquals("range_too_long", errorCode(jo, "/api/reports/summary?from=2025-01-01&to=2026-04-01", 400));
    assertEquals("bad_value", errorCode(jo, "/api/reports/summary?preset=year", 400));
    assertEquals("bad_value", errorCode(jo, "/api/reports/summary?shiftType=lunch", 400));
    assertEquals("bad_value", errorCode(jo, "/api/reports/summary?priority=high", 400));
    assertEquals("bad_filter", errorCode(jo, "/api/reports/summary?adviser=%24where", 400));
    assertEquals("bad_filter", errorCode(jo, "/api/reports/summary?preset=7d&from=2026-04-01", 400));
    assertEquals("bad_filter", errorCode(jo, "/api/reports/summary?adviser=sam&adviser=priya", 400));
    assertEquals("bad_filter", errorCode(jo, "/api/reports/summary?team=a%7Cb", 400));
    errorCode(jo, "/reports?from=nonsense", 400);
  }

  @Test
  @DisplayName("Managers see their team, admins every team; advisers only their own week; nobody signed out")
  void access() {
    TestSession sam = fixtures.signedIn("sam");
    assertEquals("forbidden", errorCode(sam, "/api/reports/summary", 403));
    assertEquals("forbidden", errorCode(sam, "/api/reports/episodes.csv", 403));
    errorCode(sam, "/reports", 403);
    JsonObject week = sam.get("/api/reports/me").bodyAsJsonObject();
    assertEquals("sam", week.getString("adviser"));
    assertEquals("2026-03-30", week.getString("from"));
    assertEquals(1, week.getInteger("episodes"), "F is the only one of Sam's in the last 7 days");
    assertEquals(120L, week.getJsonObject("firstResponse").getLong("median"));
    assertFalse(week.containsKey("byAdviser"), "nobody else's figures");
    TestSession alex = fixtures.signedIn("alex");
    assertEquals(9, summary(alex, FORTNIGHT).getInteger("episodes"));
    assertEquals(9, summary(alex, FORTNIGHT + "&team=" + ReportHistory.TEAM).getInteger("episodes"));
    assertEquals(0, summary(alex, FORTNIGHT + "&team=" + ReportFixtures.OTHER_TEAM).getInteger("episodes"));
    assertEquals("forbidden", errorCode(alex, "/api/reports/me", 403));
    TestSession kim = fixtures.signedIn("kim");
    assertEquals(0, summary(kim, FORTNIGHT).getInteger("episodes"), "another team's manager sees none of these");
    TestSession nobody = new TestSession(harbour);
    assertEquals("unauthorized", errorCode(nobody, "/api/reports/summary", 401));
    assertEquals("unauthorized", errorCode(nobody, "/api/reports/me", 401));
    assertEquals(302, nobody.get("/reports").statusCode());
  }

  @Test
  @DisplayName("Every export is an audit event naming its filters")
  void exportsAreAudited() {
    TestSession alex = fixtures.signedIn("alex");
    assertEquals(200, alex.get("/api/reports/episodes.csv?" + FORTNIGHT + "&adviser=priya").statusCode());
    assertEquals(200, alex.get("/api/reports/summary.csv?" + FORTNIGHT).statusCode());
    List<AuditEvent> events = RunningHarbour.await(harbour.harbour().services().audit()
        .find(new AuditQuery(java.util.Optional.of("alex"), java.util.Optional.of(AuditAction.REPORT_EXPORTED), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), 10)));
    assertEquals(2, events.size());
    JsonObject episodes = events.get(1).detail();
    assertEquals("episodes", episodes.getString("export"));
    assertEquals("priya", episodes.getString("adviser"));
    assertEquals(4, episodes.getInteger("rows"));
    assertEquals("summary", events.get(0).detail().getString("export"));
  }
}
