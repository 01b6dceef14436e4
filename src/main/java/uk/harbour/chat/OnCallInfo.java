package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import uk.harbour.identity.SignedIn;

/** Who is on call now and next, as shown in the welcome frame; the rota supplies it. */
@FunctionalInterface
public interface OnCallInfo {

  /** {@code {now: {firstName} | null, next: ISO time | null, typicalReplyMinutes}} or null if unknown. */
  JsonObject now(SignedIn viewer);

  static OnCallInfo unknown() {
    return viewer -> null;
  }
}
