package uk.harbour.reports;

import io.vertx.core.json.JsonObject;

/**
 * One number on the report page: the figure's dotted name (as in the summary CSV), its raw value
 * as the API gives it, and the words people read, so a test can check every cell against the API.
 */
final class FigureCells {

  private FigureCells() {}

  static JsonObject cell(String figure, Object value, String shown) {
    return new JsonObject().put("figure", figure).put("value", value).put("shown", shown);
  }

  static JsonObject count(String figure, Object value) {
    return cell(figure, value, value == null ? "–" : String.valueOf(value));
  }

  static JsonObject time(String figure, Object seconds) {
    return cell(figure, seconds, Durations.words(seconds == null ? null : ((Number) seconds).longValue()));
  }

  static JsonObject share(String figure, Object share) {
    return cell(figure, share, percent(share == null ? null : ((Number) share).doubleValue()));
  }

  static String percent(Double share) {
    return share == null ? "–" : Math.round(share * 100) + "%";
  }

  /** The value at a dotted path through objects ({@code previous.withinSla.share}), or null. */
  static Object at(JsonObject json, String path) {
    Object value = json;
    for (String part : path.split("\\.")) {
      value = value instanceof JsonObject o ? o.getValue(part) : null;
    }
    return value;
  }
}
