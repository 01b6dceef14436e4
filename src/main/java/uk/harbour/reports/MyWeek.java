package uk.harbour.reports;

import io.vertx.core.json.JsonObject;

/**
 * A member of staff's own last seven days for the console's "my week" panel: the episodes they
 * took part in, the first responses and replies they gave themselves, what they resolved, and how
 * those episodes went. Nobody else's figures.
 */
final class MyWeek {

  private MyWeek() {}

  static JsonObject of(JsonObject summary) {
    String me = summary.getString("adviser");
    JsonObject mine = summary.getJsonArray("byAdviser").stream()
        .map(JsonObject.class::cast)
        .filter(row -> row.getString("adviser").equals(me))
        .findFirst()
        .orElseGet(() -> new JsonObject()
            .put("firstResponse", new Stat(0, null, null).toJson())
            .put("reply", new Stat(0, null, null).toJson())
            .put("resolved", 0));
    return new JsonObject()
        .put("from", summary.getString("from"))
        .put("to", summary.getString("to"))
        .put("adviser", me)
        .put("episodes", summary.getInteger("episodes"))
        .put("firstResponse", mine.getJsonObject("firstResponse"))
        .put("reply", mine.getJsonObject("reply"))
        .put("resolved", mine.getInteger("resolved"))
        .put("withinSla", summary.getJsonObject("withinSla").copy())
        .put("missed", summary.getJsonObject("missed"))
        .put("helpful", summary.getJsonObject("helpful"))
        .put("previous", new JsonObject().put("episodes", summary.getJsonObject("previous").getInteger("episodes")));
  }
}
