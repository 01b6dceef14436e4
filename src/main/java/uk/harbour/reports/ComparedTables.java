package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The report page's tables that set each figure beside the previous period's: single figures
 * (at a glance, escalations, "Was this helpful?") in a "This period" and a "Previous period"
 * column; groups, members of staff and shifts as a pair of rows each. A member of staff or a shift
 * that only one of the periods has still gets its pair, the other row saying there was nothing.
 */
final class ComparedTables {

  /** A single figure: its words, its dotted name in the summary, and how its value is shown. */
  private record Figure(String label, String path, BiFunction<String, Object, JsonObject> cell) {}

  private static final List<Figure> HEADLINE = List.of(
      new Figure("Episodes", "episodes", FigureCells::count),
      new Figure("First response, median", "firstResponse.median", FigureCells::time),
      new Figure("First response, 90th percentile", "firstResponse.p90", FigureCells::time),
      new Figure("Reply time per turn, median", "reply.median", FigureCells::time),
      new Figure("Reply time per turn, 90th percentile", "reply.p90", FigureCells::time),
      new Figure("Resolution, median", "resolution.median", FigureCells::time),
      new Figure("Within SLA", "withinSla.share", FigureCells::share),
      new Figure("Within urgent SLA", "withinSla.urgent.share", FigureCells::share),
      new Figure("Missed", "missed.count", FigureCells::count),
      new Figure("Still unanswered", "unanswered", FigureCells::count),
      new Figure("Urgent episodes", "urgent.episodes", FigureCells::count),
      new Figure("Urgent, first response median", "urgent.firstResponse.median", FigureCells::time),
      new Figure("Escalated episodes", "escalations.episodes", FigureCells::count),
      new Figure("Found it helpful", "helpful.share", FigureCells::share));

  private static final List<Figure> ESCALATIONS = List.of(
      new Figure("Escalated episodes", "escalations.episodes", FigureCells::count),
      new Figure("First alerts (the adviser and backup)", "escalations.level1", FigureCells::count),
      new Figure("Second alerts (the duty manager too)", "escalations.level2", FigureCells::count),
      new Figure("Third and later alerts", "escalations.level3plus", FigureCells::count),
      new Figure("Alert answered, median", "escalations.acknowledgement.median", FigureCells::time),
      new Figure("Alert answered, 90th percentile", "escalations.acknowledgement.p90", FigureCells::time),
      new Figure("Alerts nobody answered", "escalations.unacknowledged", FigureCells::count));

  private static final List<Figure> HELPFUL = List.of(
      new Figure("Asked (resolved episodes)", "helpful.asked", FigureCells::count),
      new Figure("Yes", "helpful.yes", FigureCells::count),
      new Figure("Not really", "helpful.notReally", FigureCells::count),
      new Figure("Skipped", "helpful.skipped", FigureCells::count),
      new Figure("No answer", "helpful.noAnswer", FigureCells::count),
      new Figure("Share who found it helpful (yes out of yes and not really)", "helpful.share", FigureCells::share));

  private static final List<Map.Entry<String, String>> GROUPS = List.of(
      Map.entry("officeHours", "Office hours"), Map.entry("outOfHours", "Out of hours"),
      Map.entry("ownPa", "First answered by their own PA"), Map.entry("dutyAdviser", "First answered by the duty adviser"),
      Map.entry("otherStaff", "First answered by a manager or other staff"));

  private ComparedTables() {}

  static JsonArray headline(JsonObject s) {
    return columns(s, HEADLINE);
  }

  static JsonArray escalations(JsonObject s) {
    return columns(s, ESCALATIONS);
  }

  static JsonArray helpful(JsonObject s) {
    return columns(s, HELPFUL);
  }

  /** Office hours or not, and who answered first: this period's row (cells) and the previous period's (before). */
  static JsonArray groups(JsonObject s) {
    JsonObject previous = s.getJsonObject("previous");
    JsonArray rows = new JsonArray();
    for (Map.Entry<String, String> g : GROUPS) {
      rows.add(new JsonObject().put("label", g.getValue())
          .put("cells", groupCells(g.getKey(), s.getJsonObject(g.getKey())))
          .put("before", groupCells("previous." + g.getKey(), previous.getJsonObject(g.getKey()))));
    }
    return rows;
  }

  static JsonArray advisers(JsonObject s) {
    return paired(s, "byAdviser", "adviser", row -> row.getString("adviser"), ComparedTables::adviserCells);
  }

  static JsonArray shifts(JsonObject s) {
    return paired(s, "byShift", "shift", row -> row.getString("label"), ComparedTables::groupCells);
  }

  private static JsonArray columns(JsonObject s, List<Figure> figures) {
    JsonArray rows = new JsonArray();
    for (Figure f : figures) {
      String before = "previous." + f.path();
      rows.add(new JsonObject().put("label", f.label())
          .put("now", f.cell().apply(f.path(), FigureCells.at(s, f.path())))
          .put("before", f.cell().apply(before, FigureCells.at(s, before))));
    }
    return rows;
  }

  /**
   * A breakdown's rows matched by key (an adviser, a shift): this period's in their order, then
   * those only the previous period has. A side with no row has no cells, and the page says so.
   */
  private static JsonArray paired(JsonObject s, String list, String key, Function<JsonObject, String> label,
      BiFunction<String, JsonObject, JsonArray> cells) {
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    for (Object o : s.getJsonArray(list)) {
      JsonObject row = (JsonObject) o;
      String id = row.getString(key);
      rows.put(id, new JsonObject().put("label", label.apply(row)).put("cells", cells.apply(list + "." + id, row)));
    }
    for (Object o : s.getJsonObject("previous").getJsonArray(list)) {
      JsonObject row = (JsonObject) o;
      String id = row.getString(key);
      rows.computeIfAbsent(id, k -> new JsonObject().put("label", label.apply(row)))
          .put("before", cells.apply("previous." + list + "." + id, row));
    }
    return new JsonArray(new ArrayList<>(rows.values()));
  }

  private static JsonArray groupCells(String prefix, JsonObject g) {
    return new JsonArray()
        .add(FigureCells.count(prefix + ".episodes", g.getValue("episodes")))
        .add(FigureCells.time(prefix + ".firstResponse.median", g.getJsonObject("firstResponse").getValue("median")))
        .add(FigureCells.time(prefix + ".firstResponse.p90", g.getJsonObject("firstResponse").getValue("p90")))
        .add(FigureCells.time(prefix + ".reply.median", g.getJsonObject("reply").getValue("median")))
        .add(FigureCells.share(prefix + ".withinSla.share", g.getJsonObject("withinSla").getValue("share")))
        .add(FigureCells.count(prefix + ".missed.count", g.getJsonObject("missed").getValue("count")));
  }

  private static JsonArray adviserCells(String prefix, JsonObject a) {
    return new JsonArray()
        .add(FigureCells.count(prefix + ".episodes", a.getValue("episodes")))
        .add(FigureCells.time(prefix + ".firstResponse.median", a.getJsonObject("firstResponse").getValue("median")))
        .add(FigureCells.time(prefix + ".firstResponse.p90", a.getJsonObject("firstResponse").getValue("p90")))
        .add(FigureCells.time(prefix + ".reply.median", a.getJsonObject("reply").getValue("median")))
        .add(FigureCells.time(prefix + ".reply.p90", a.getJsonObject("reply").getValue("p90")))
        .add(FigureCells.count(prefix + ".resolved", a.getValue("resolved")))
        .add(FigureCells.count(prefix + ".missed.count", a.getJsonObject("missed").getValue("count")));
  }
}
