package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report page's model, made from the summary the API answers: every number is a cell with the
 * figure's dotted name (as in the CSV) and its raw value in data attributes beside the words people
 * read, and each chart (server-drawn SVG, no script) comes with a table of the same numbers.
 */
final class ReportView {

  private static final int CHART_WIDTH = 720;
  private static final int CHART_HEIGHT = 180;

  private ReportView() {}

  static JsonObject of(JsonObject s) {
    JsonObject previous = s.getJsonObject("previous");
    JsonArray headline = new JsonArray()
        .add(row("Episodes", "episodes", count(s, "episodes"), count(previous, "episodes"), "previous.episodes"))
        .add(row("First response, median", "firstResponse.median", time(s, "firstResponse.median"), time(previous, "firstResponse.median"), "previous.firstResponse.median"))
        .add(row("First response, 90th percentile", "firstResponse.p90", time(s, "firstResponse.p90"), time(previous, "firstResponse.p90"), "previous.firstResponse.p90"))
        .add(row("Reply time per turn, median", "reply.median", time(s, "reply.median"), time(previous, "reply.median"), "previous.reply.median"))
        .add(row("Reply time per turn, 90th percentile", "reply.p90", time(s, "reply.p90"), time(previous, "reply.p90"), "previous.reply.p90"))
        .add(row("Resolution, median", "resolution.median", time(s, "resolution.median"), time(previous, "resolution.median"), "previous.resolution.median"))
        .add(row("Within SLA", "withinSla.share", share(s, "withinSla.share"), share(previous, "withinSla.share"), "previous.withinSla.share"))
        .add(row("Within urgent SLA", "withinSla.urgent.share", share(s, "withinSla.urgent.share"), share(previous, "withinSla.urgent.share"), "previous.withinSla.urgent.share"))
        .add(row("Missed", "missed.count", count(s, "missed.count"), count(previous, "missed.count"), "previous.missed.count"))
        .add(row("Still unanswered", "unanswered", count(s, "unanswered"), count(previous, "unanswered"), "previous.unanswered"))
        .add(row("Urgent episodes", "urgent.episodes", count(s, "urgent.episodes"), count(previous, "urgent.episodes"), "previous.urgent.episodes"))
        .add(row("Escalated episodes", "escalations.episodes", count(s, "escalations.episodes"), count(previous, "escalations.episodes"), "previous.escalations.episodes"))
        .add(row("Found it helpful", "helpful.share", share(s, "helpful.share"), share(previous, "helpful.share"), "previous.helpful.share"));
    JsonArray groups = new JsonArray();
    for (Map.Entry<String, String> g : List.of(Map.entry("officeHours", "Office hours"), Map.entry("outOfHours", "Out of hours"),
        Map.entry("ownPa", "First answered by their own PA"), Map.entry("dutyAdviser", "First answered by the duty adviser"),
        Map.entry("otherStaff", "First answered by a manager or other staff"))) {
      groups.add(groupRow(g.getValue(), g.getKey(), s.getJsonObject(g.getKey())));
    }
    JsonArray advisers = new JsonArray();
    s.getJsonArray("byAdviser").forEach(o -> {
      JsonObject a = (JsonObject) o;
      String p = "byAdviser." + a.getString("adviser");
      advisers.add(new JsonObject().put("name", a.getString("adviser")).put("cells", new JsonArray()
          .add(cell(p + ".episodes", a.getValue("episodes"), String.valueOf(a.getValue("episodes"))))
          .add(timeCell(p + ".firstResponse.median", a.getJsonObject("firstResponse").getLong("median")))
          .add(timeCell(p + ".firstResponse.p90", a.getJsonObject("firstResponse").getLong("p90")))
          .add(timeCell(p + ".reply.median", a.getJsonObject("reply").getLong("median")))
          .add(timeCell(p + ".reply.p90", a.getJsonObject("reply").getLong("p90")))
          .add(cell(p + ".resolved", a.getValue("resolved"), String.valueOf(a.getValue("resolved"))))
          .add(cell(p + ".missed.count", a.getJsonObject("missed").getValue("count"), String.valueOf(a.getJsonObject("missed").getValue("count"))))));
    });
    JsonArray shifts = new JsonArray();
    s.getJsonArray("byShift").forEach(o -> {
      JsonObject shift = (JsonObject) o;
      shifts.add(groupRow(shift.getString("label"), "byShift." + shift.getString("shift"), shift));
    });
    return new JsonObject()
        .put("summary", s)
        .put("headline", headline)
        .put("groups", groups)
        .put("advisers", advisers)
        .put("shifts", shifts)
        .put("escalations", escalations(s))
        .put("helpful", helpful(s))
        .put("days", days(s.getJsonArray("byDay")))
        .put("week", week(s.getJsonArray("byHourOfWeek")))
        .put("groupChart", groupChart(groups));
  }

  private static JsonObject row(String label, String figure, JsonObject now, JsonObject before, String previousFigure) {
    return new JsonObject().put("label", label).put("now", now.put("figure", figure)).put("before", before.put("figure", previousFigure));
  }

  private static JsonObject groupRow(String label, String prefix, JsonObject g) {
    return new JsonObject().put("label", label).put("cells", new JsonArray()
        .add(cell(prefix + ".episodes", g.getValue("episodes"), String.valueOf(g.getValue("episodes"))))
        .add(timeCell(prefix + ".firstResponse.median", g.getJsonObject("firstResponse").getLong("median")))
        .add(timeCell(prefix + ".firstResponse.p90", g.getJsonObject("firstResponse").getLong("p90")))
        .add(timeCell(prefix + ".reply.median", g.getJsonObject("reply").getLong("median")))
        .add(shareCell(prefix + ".withinSla.share", g.getJsonObject("withinSla").getDouble("share")))
        .add(cell(prefix + ".missed.count", g.getJsonObject("missed").getValue("count"), String.valueOf(g.getJsonObject("missed").getValue("count")))));
  }

  private static JsonArray escalations(JsonObject s) {
    JsonObject e = s.getJsonObject("escalations");
    return new JsonArray()
        .add(new JsonObject().put("label", "Escalated episodes").put("cell", cell("escalations.episodes", e.getValue("episodes"), String.valueOf(e.getValue("episodes")))))
        .add(new JsonObject().put("label", "First alerts (the adviser and backup)").put("cell", cell("escalations.level1", e.getValue("level1"), String.valueOf(e.getValue("level1")))))
        .add(new JsonObject().put("label", "Second alerts (the duty manager too)").put("cell", cell("escalations.level2", e.getValue("level2"), String.valueOf(e.getValue("level2")))))
        .add(new JsonObject().put("label", "Third and later alerts").put("cell", cell("escalations.level3plus", e.getValue("level3plus"), String.valueOf(e.getValue("level3plus")))))
        .add(new JsonObject().put("label", "Alert answered, median").put("cell", timeCell("escalations.acknowledgement.median", e.getJsonObject("acknowledgement").getLong("median"))))
        .add(new JsonObject().put("label", "Alert answered, 90th percentile").put("cell", timeCell("escalations.acknowledgement.p90", e.getJsonObject("acknowledgement").getLong("p90"))))
        .add(new JsonObject().put("label", "Alerts nobody answered").put("cell", cell("escalations.unacknowledged", e.getValue("unacknowledged"), String.valueOf(e.getValue("unacknowledged")))));
  }

  private static JsonArray helpful(JsonObject s) {
    JsonObject h = s.getJsonObject("helpful");
    JsonArray rows = new JsonArray();
    for (Map.Entry<String, String> f : List.of(Map.entry("asked", "Asked (resolved episodes)"), Map.entry("yes", "Yes"), Map.entry("notReally", "Not really"),
        Map.entry("skipped", "Skipped"), Map.entry("noAnswer", "No answer"))) {
      rows.add(new JsonObject().put("label", f.getValue()).put("cell", cell("helpful." + f.getKey(), h.getValue(f.getKey()), String.valueOf(h.getValue(f.getKey())))));
    }
    return rows.add(new JsonObject().put("label", "Share who found it helpful (yes out of yes and not really)").put("cell", shareCell("helpful.share", h.getDouble("share"))));
  }

  /** Bars of episodes per day, with the day's table rows. */
  private static JsonObject days(JsonArray byDay) {
    int max = 1;
    for (Object o : byDay) {
      max = Math.max(max, ((JsonObject) o).getInteger("episodes"));
    }
    double slot = (double) CHART_WIDTH / Math.max(1, byDay.size());
    JsonArray bars = new JsonArray();
    JsonArray rows = new JsonArray();
    for (int i = 0; i < byDay.size(); i++) {
      JsonObject d = byDay.getJsonObject(i);
      int n = d.getInteger("episodes");
      double h = (CHART_HEIGHT - 20) * n / (double) max;
      String date = d.getString("date");
      String words = LocalDate.parse(date).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + date;
      bars.add(new JsonObject().put("x", round(i * slot + slot * 0.1)).put("width", round(Math.max(1, slot * 0.8)))
          .put("y", round(CHART_HEIGHT - h)).put("height", round(h)).put("title", words + ": " + n + (n == 1 ? " episode" : " episodes")));
      rows.add(new JsonObject().put("label", words)
          .put("episodes", cell("byDay." + date + ".episodes", n, String.valueOf(n)))
          .put("missed", cell("byDay." + date + ".missed", d.getInteger("missed"), String.valueOf(d.getInteger("missed")))));
    }
    return new JsonObject().put("width", CHART_WIDTH).put("height", CHART_HEIGHT).put("max", max).put("bars", bars).put("rows", rows);
  }

  /** A heatmap of episodes by weekday and hour (darker is busier), with the same grid as a table. */
  private static JsonObject week(JsonArray byHour) {
    int max = 1;
    for (Object o : byHour) {
      for (Object n : ((JsonObject) o).getJsonArray("hours")) {
        max = Math.max(max, (Integer) n);
      }
    }
    int cellWidth = 28;
    int cellHeight = 22;
    JsonArray cells = new JsonArray();
    JsonArray rows = new JsonArray();
    JsonArray labels = new JsonArray();
    for (int d = 0; d < byHour.size(); d++) {
      JsonObject day = byHour.getJsonObject(d);
      String name = DayOfWeek.valueOf(day.getString("day")).getDisplayName(TextStyle.SHORT, Locale.UK);
      labels.add(new JsonObject().put("y", d * cellHeight + 15).put("text", name));
      JsonArray tableCells = new JsonArray();
      for (int h = 0; h < 24; h++) {
        int n = day.getJsonArray("hours").getInteger(h);
        cells.add(new JsonObject().put("x", 40 + h * cellWidth).put("y", d * cellHeight).put("width", cellWidth - 2).put("height", cellHeight - 2)
            .put("opacity", n == 0 ? "0.04" : String.valueOf(round(0.15 + 0.85 * n / max)))
            .put("title", name + " " + String.format("%02d:00", h) + ": " + n));
        tableCells.add(cell("byHourOfWeek." + day.getString("day") + ".hours." + h, n, String.valueOf(n)));
      }
      rows.add(new JsonObject().put("label", name).put("cells", tableCells));
    }
    JsonArray hours = new JsonArray();
    for (int h = 0; h < 24; h++) {
      hours.add(new JsonObject().put("x", 40 + h * cellWidth + 4).put("text", String.format("%02d", h)));
    }
    return new JsonObject().put("width", 40 + 24 * cellWidth).put("height", 7 * cellHeight + 16).put("cells", cells).put("rows", rows)
        .put("labels", labels).put("hours", hours).put("hoursY", 7 * cellHeight + 12);
  }

  /** Median and 90th-percentile first response per group as paired horizontal bars. */
  private static JsonObject groupChart(JsonArray groups) {
    long max = 1;
    for (Object o : groups) {
      JsonArray cells = ((JsonObject) o).getJsonArray("cells");
      Object p90 = cells.getJsonObject(2).getValue("value");
      max = Math.max(max, p90 == null ? 0 : ((Number) p90).longValue());
    }
    JsonArray bars = new JsonArray();
    int y = 0;
    for (Object o : groups) {
      JsonObject g = (JsonObject) o;
      JsonArray cells = g.getJsonArray("cells");
      Object median = cells.getJsonObject(1).getValue("value");
      Object p90 = cells.getJsonObject(2).getValue("value");
      bars.add(new JsonObject().put("y", y).put("p90Y", y + 18).put("label", g.getString("label")).put("labelY", y + 22)
          .put("median", bar(median, max)).put("p90", bar(p90, max))
          .put("medianTitle", g.getString("label") + ", median: " + cells.getJsonObject(1).getString("shown"))
          .put("p90Title", g.getString("label") + ", 90th percentile: " + cells.getJsonObject(2).getString("shown")));
      y += 44;
    }
    return new JsonObject().put("width", CHART_WIDTH).put("height", y).put("bars", bars);
  }

  private static double bar(Object seconds, long max) {
    return seconds == null ? 0 : round(Math.max(1, 400.0 * ((Number) seconds).longValue() / max));
  }

  private static JsonObject count(JsonObject s, String path) {
    Object v = at(s, path);
    return new JsonObject().put("value", v).put("shown", v == null ? "–" : String.valueOf(v));
  }

  private static JsonObject time(JsonObject s, String path) {
    Object v = at(s, path);
    return new JsonObject().put("value", v).put("shown", Durations.words(v == null ? null : ((Number) v).longValue()));
  }

  private static JsonObject share(JsonObject s, String path) {
    Object v = at(s, path);
    return new JsonObject().put("value", v).put("shown", percent(v == null ? null : ((Number) v).doubleValue()));
  }

  private static JsonObject cell(String figure, Object value, String shown) {
    return new JsonObject().put("figure", figure).put("value", value).put("shown", shown);
  }

  private static JsonObject timeCell(String figure, Long seconds) {
    return cell(figure, seconds, Durations.words(seconds));
  }

  private static JsonObject shareCell(String figure, Double share) {
    return cell(figure, share, percent(share));
  }

  static String percent(Double share) {
    return share == null ? "–" : Math.round(share * 100) + "%";
  }

  private static Object at(JsonObject s, String path) {
    Object value = s;
    for (String part : path.split("\\.")) {
      value = value instanceof JsonObject o ? o.getValue(part) : null;
    }
    return value;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
