package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The report page's model, made from the summary the API answers: every number is a cell with the
 * figure's dotted name (as in the CSV) and its raw value in data attributes beside the words people
 * read, and each chart (server-drawn SVG, no script) comes with a table of the same numbers. The
 * tables give every figure for the previous period too ({@link ComparedTables}).
 */
final class ReportView {

  private static final int CHART_WIDTH = 720;
  private static final int CHART_HEIGHT = 180;

  private ReportView() {}

  static JsonObject of(JsonObject s) {
    JsonObject previous = s.getJsonObject("previous");
    JsonArray groups = ComparedTables.groups(s);
    return new JsonObject()
        .put("summary", s)
        .put("headline", ComparedTables.headline(s))
        .put("groups", groups)
        .put("advisers", ComparedTables.advisers(s))
        .put("shifts", ComparedTables.shifts(s))
        .put("escalations", ComparedTables.escalations(s))
        .put("helpful", ComparedTables.helpful(s))
        .put("days", days(s.getJsonArray("byDay"), previous.getJsonArray("byDay")))
        .put("week", week(s.getJsonArray("byHourOfWeek"), previous.getJsonArray("byHourOfWeek")))
        .put("groupChart", groupChart(groups));
  }

  /**
   * Bars of episodes per day, with the day's table rows; each row also holds the same day of the
   * previous period (as many days earlier as the period is long: for a week, the same weekday).
   */
  private static JsonObject days(JsonArray byDay, JsonArray previousByDay) {
    int tallest = 0;
    for (Object o : byDay) {
      tallest = Math.max(tallest, ((JsonObject) o).getInteger("episodes"));
    }
    // At least 1 to scale by, so a period with no episodes draws empty bars, not a division by zero.
    int max = Math.max(1, tallest);
    double slot = (double) CHART_WIDTH / Math.max(1, byDay.size());
    JsonArray bars = new JsonArray();
    JsonArray rows = new JsonArray();
    for (int i = 0; i < byDay.size(); i++) {
      JsonObject d = byDay.getJsonObject(i);
      int n = d.getInteger("episodes");
      double h = (CHART_HEIGHT - 20) * n / (double) max;
      String date = d.getString("date");
      String words = dayWords(date);
      bars.add(new JsonObject().put("x", round(i * slot + slot * 0.1)).put("width", round(Math.max(1, slot * 0.8)))
          .put("y", round(CHART_HEIGHT - h)).put("height", round(h)).put("title", words + ": " + n + (n == 1 ? " episode" : " episodes")));
      JsonObject before = previousByDay.getJsonObject(i);
      String beforeDate = before.getString("date");
      rows.add(new JsonObject().put("label", words)
          .put("episodes", FigureCells.count("byDay." + date + ".episodes", n))
          .put("missed", FigureCells.count("byDay." + date + ".missed", d.getValue("missed")))
          .put("beforeLabel", dayWords(beforeDate))
          .put("beforeEpisodes", FigureCells.count("previous.byDay." + beforeDate + ".episodes", before.getValue("episodes")))
          .put("beforeMissed", FigureCells.count("previous.byDay." + beforeDate + ".missed", before.getValue("missed"))));
    }
    return new JsonObject().put("width", CHART_WIDTH).put("height", CHART_HEIGHT).put("caption", caption(tallest)).put("bars", bars).put("rows", rows);
  }

  /** The chart's caption: its tallest bar in words, or that there is nothing to draw. */
  private static String caption(int tallest) {
    return switch (tallest) {
      case 0 -> "No episodes in this period.";
      case 1 -> "The tallest bar is 1 episode.";
      default -> "The tallest bar is " + tallest + " episodes.";
    };
  }

  /**
   * A heatmap of episodes by weekday and hour (darker is busier), with the same grid as a table in
   * which each weekday's row has the previous period's row under it.
   */
  private static JsonObject week(JsonArray byHour, JsonArray previousByHour) {
    int max = 1;
    for (Object o : byHour) {
      for (Object n : ((JsonObject) o).getJsonArray("hours")) {
        max = Math.max(max, (Integer) n);
      }
    }
    int cellWidth = 28;
    int cellHeight = 22;
    JsonArray cells = new JsonArray();
    JsonArray labels = new JsonArray();
    for (int d = 0; d < byHour.size(); d++) {
      JsonObject day = byHour.getJsonObject(d);
      String name = dayName(day);
      labels.add(new JsonObject().put("y", d * cellHeight + 15).put("text", name));
      for (int h = 0; h < 24; h++) {
        int n = day.getJsonArray("hours").getInteger(h);
        cells.add(new JsonObject().put("x", 40 + h * cellWidth).put("y", d * cellHeight).put("width", cellWidth - 2).put("height", cellHeight - 2)
            .put("opacity", n == 0 ? "0.04" : String.valueOf(round(0.15 + 0.85 * n / max)))
            .put("title", name + " " + String.format("%02d:00", h) + ": " + n));
      }
    }
    JsonArray hours = new JsonArray();
    for (int h = 0; h < 24; h++) {
      hours.add(new JsonObject().put("x", 40 + h * cellWidth + 4).put("text", String.format("%02d", h)));
    }
    return new JsonObject().put("width", 40 + 24 * cellWidth).put("height", 7 * cellHeight + 16).put("cells", cells)
        .put("rows", weekRows(byHour, previousByHour))
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

  /** The hour-of-week grid as table rows, a weekday each: this period's hours (cells) and the previous period's (before). */
  private static JsonArray weekRows(JsonArray byHour, JsonArray previousByHour) {
    JsonArray rows = new JsonArray();
    for (int d = 0; d < byHour.size(); d++) {
      JsonObject day = byHour.getJsonObject(d);
      rows.add(new JsonObject().put("label", dayName(day))
          .put("cells", hourCells("byHourOfWeek", day))
          .put("before", hourCells("previous.byHourOfWeek", previousByHour.getJsonObject(d))));
    }
    return rows;
  }

  private static JsonArray hourCells(String prefix, JsonObject day) {
    JsonArray cells = new JsonArray();
    for (int h = 0; h < 24; h++) {
      cells.add(FigureCells.count(prefix + "." + day.getString("day") + ".hours." + h, day.getJsonArray("hours").getValue(h)));
    }
    return cells;
  }

  private static String dayName(JsonObject day) {
    return DayOfWeek.valueOf(day.getString("day")).getDisplayName(TextStyle.SHORT, Locale.UK);
  }

  private static String dayWords(String date) {
    return LocalDate.parse(date).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + date;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
