package uk.harbour.chat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes conversation summaries to every staff console, at most one publication per
 * {@link #WINDOW_MS}: a summary after a quiet spell goes at once; summaries arriving within the
 * window after it are held, only each conversation's latest kept, and go together when it ends.
 * Every message changes its conversation's summary and every console hears every summary, so
 * under load (1,000 messages/s, eleven consoles) one publication and one socket write per
 * summary per console was most of the event loops' work; a summary is state, not an event, so
 * a console loses nothing by getting only the latest.
 */
final class StaffSummaries {

  /** Long enough to gather a busy moment's summaries, short enough that a queue looks live. */
  static final long WINDOW_MS = 200;

  private final Vertx vertx;
  private final Map<String, JsonObject> held = new LinkedHashMap<>();
  private long lastPublished = Long.MIN_VALUE / 2;
  private boolean timerSet;

  StaffSummaries(Vertx vertx) {
    this.vertx = Objects.requireNonNull(vertx);
  }

  /** The conversation's new summary, published now or with the others of this window. */
  void changed(JsonObject summary) {
    synchronized (this) {
      held.put(summary.getString("id"), summary);
      if (timerSet) {
        return;
      }
      long wait = lastPublished + WINDOW_MS - now();
      if (wait > 0) {
        timerSet = true;
        vertx.setTimer(wait, id -> publishHeld());
        return;
      }
    }
    publishHeld();
  }

  private void publishHeld() {
    Map<String, JsonObject> summaries;
    synchronized (this) {
      timerSet = false;
      lastPublished = now();
      summaries = new LinkedHashMap<>(held);
      held.clear();
    }
    if (summaries.size() == 1) {
      JsonObject summary = summaries.values().iterator().next();
      vertx.eventBus().publish(ChatAddresses.STAFF, ServerFrames.conversation(summary), StaffFeed.summaryOptions(summary));
    } else if (!summaries.isEmpty()) {
      vertx.eventBus().publish(ChatAddresses.STAFF, StaffFeed.batch(summaries.values()), new DeliveryOptions().addHeader(StaffFeed.BATCH, "true"));
    }
  }

  private static long now() {
    // Pacing only, never shown or stored: the injected clock is for what people see.
    return System.nanoTime() / 1_000_000;
  }
}
