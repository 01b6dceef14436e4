package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Help that is open at an instant, as rendered signposting cards ({@code {entryId, version, title,
 * html, text}}) for the honest out-of-hours reply. The signposting catalogue supplies it; routing
 * only asks.
 */
@FunctionalInterface
public interface HelpOpenNow {

  /** Cards for help open at {@code at}, crisis first, personalised for this care leaver. */
  Future<List<JsonObject>> cards(Instant at, String careLeaverId, int limit);
}
