package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import uk.harbour.identity.SignedIn;

/** Who is on call now and next, as shown in the welcome frame; the rota supplies it. */
@FunctionalInterface
public interface OnCallInfo {

  /** {@code {now: {firstName} | null, next: ISO time | null, typicalReplyMinutes}} or null if unknown. */
  JsonObject now(SignedIn viewer);

  /** Like {@link #now}, after bringing what it names up to date (staff accounts added since, say). */
  default Future<JsonObject> fresh(SignedIn viewer) {
    return Future.succeededFuture(now(viewer));
  }

  static OnCallInfo unknown() {
    return viewer -> null;
  }
}
