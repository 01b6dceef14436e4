package uk.harbour.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Instants are stored as BSON dates; these keep that mapping in one place. */
public final class Documents {

  private Documents() {}

  public static JsonObject date(Instant instant) {
    return new JsonObject().put("$date", instant.toString());
  }

  public static Instant instant(JsonObject document, String field) {
    Object value = document.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject date) {
      return Instant.parse(date.getString("$date"));
    }
    return Instant.parse(value.toString());
  }
}
