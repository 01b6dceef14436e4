package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Crisis help open at an instant, as rendered signposting cards, for a young person whose words
 * show risk: every crisis entry and the ones the staff guidance names. The catalogue supplies it.
 */
@FunctionalInterface
public interface CrisisHelp {

  Future<List<JsonObject>> cards(Instant at, String careLeaverId, List<String> alsoEntryIds);
}
