package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Help that is open at an instant, as rendered signposting cards ({@code {entryId, version, title,
 * html, text}}) for the honest out-of-hours reply. The signposting catalogue supplies it.
 */
@FunctionalInterface
public interface HelpOpenNow {

  Future<List<JsonObject>> cards(Instant at, String firstName, Integer age, int limit);

  static HelpOpenNow none() {
    return (at, firstName, age, limit) -> Future.succeededFuture(List.of());
  }
}
