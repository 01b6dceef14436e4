package uk.harbour.reports;

import io.vertx.core.json.JsonObject;

/**
 * {@code count} of {@code of}, and the share as a fraction rounded to four places (null when {@code of} is 0).
 */
record Share(int count, int of) {

  Double share() {
    return of == 0 ? null : Math.round(count * 10000.0 / of) / 10000.0;
  }

  JsonObject toJson() {
    return new JsonObject().put("count", count).put("of", of).put("share", share());
  }
}
