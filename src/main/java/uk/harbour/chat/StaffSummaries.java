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
 * under load (1,000 messages/s, eleven consoles) that was a publication, a delivery and a socket
 * write per message per console; a summary is state, not an event, so a console loses nothing by
 * getting only the latest. When a publication carries many conversations at once, the next window
 * is {@link #BUSY_WINDOW_MS}: each publication costs every console a frame with all of them, and a
 * queue redrawn five times a second is no easier to read than one redrawn every second.
 */
final class StaffSummaries {

  /** Long enough to gather a busy moment's summaries, short enough that a queue looks live. */
  static final long WINDOW_MS = 200;
  /** The window after a publication of more than {@link #BUSY_SUMMARIES} conversations. */
  static final long BUSY_WINDOW_MS = 1000;
  static final int BUSY_SUMMARIES = 20;

  private final Vertx vertx;
  private final Map<String, JsonObject> held = new LinkedHashMap<>();
  private long lastPublished = Long.MIN_VALUE / 2;
  private long window = WINDOW_MS;
  private boolean timerSet;

  StaffSummaries(Vertx vertx) {
    this.vertx = Objects.requireNonNull(vertx);
  }

  /** The conversation's new summary, published now or with the others of this window. */
  synchronized void changed(JsonObject summary) {
    held.put(summary.getString("id"), summary);
    if (timerSet) {
      return;
    }
    long wait = lastPublished + window - now();
    if (wait > 0) {
      timerSet = true;
      vertx.setTimer(wait, id -> publishHeld());
    } else {
      publishHeld();
    }
  }

  /**
   * Under the lock, publishing included: two publications taken one after the other could
   * otherwise reach the bus the other way round, and a console would keep the older summary.
   */
  private synchronized void publishHeld() {
    timerSet = false;
    lastPublished = now();
    window = held.size() > BUSY_SUMMARIES ? BUSY_WINDOW_MS : WINDOW_MS;
    if (held.size() == 1) {
      JsonObject summary = held.values().iterator().next();
      vertx.eventBus().publish(ChatAddresses.STAFF, ServerFrames.conversation(summary), StaffFeed.summaryOptions(summary));
    } else if (!held.isEmpty()) {
      vertx.eventBus().publish(ChatAddresses.STAFF, StaffFeed.batch(held.values()), new DeliveryOptions().addHeader(StaffFeed.BATCH, "true"));
    }
    held.clear();
  }

  private static long now() {
    // Pacing only, never shown or stored: the injected clock is for what people see.
    return System.nanoTime() / 1_000_000;
  }
}
