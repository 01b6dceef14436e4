package uk.harbour.routing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.Message;

/**
 * Whether an alert reached a screen that is awake, not just a connection that still looks open. A
 * laptop that went to sleep keeps its console's socket counted as connected until pings find it
 * dead (up to 90 s, docs/chat-protocol.md), so an alert sent to it would count as seen while nobody
 * hears it ring. Each console answers an {@code alert} frame with an {@code alertReceived} receipt;
 * an alert that none of the people it was counted as seen by confirms within
 * {@code routing.alertReceiptSeconds} is handed back to the escalation ladder ({@link Unconfirmed}).
 */
public final class AlertReceipts {

  private static final Logger LOG = LoggerFactory.getLogger(AlertReceipts.class);

  /** An alert nobody it went to confirmed receiving in time: {@code from}, those who could have. */
  interface Unconfirmed {
    void alert(Message alert, Set<String> from, Instant now);
  }

  private record Pending(Set<String> from, long timer) {}

  private final Vertx vertx;
  private final Duration wait;
  private final Clock clock;
  /** By the alert's conversation and seq. */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public AlertReceipts(Vertx vertx, Duration wait, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.wait = Objects.requireNonNull(wait);
    this.clock = Objects.requireNonNull(clock);
  }

  Duration waitFor() {
    return wait;
  }

  /** Waits for a receipt for the stored {@code alert} from any of {@code from}; none in time: {@code unconfirmed}. */
  void expect(Message alert, Set<String> from, Unconfirmed unconfirmed) {
    String key = key(alert.conversationId(), alert.seq());
    long timer = vertx.setTimer(wait.toMillis(), id -> {
      Pending left = pending.get(key);
      if (left != null && left.timer() == id && pending.remove(key, left)) {
        unconfirmed.alert(alert, left.from(), clock.instant());
      }
    });
    Pending replaced = pending.put(key, new Pending(Set.copyOf(from), timer));
    if (replaced != null) {
      vertx.cancelTimer(replaced.timer());
    }
  }

  /**
   * A console's receipt (as {@code ChatDelivery} publishes it, on every node; only where routing
   * runs is anything waiting for it). A receipt from someone the alert did not go to changes
   * nothing; one that cannot be read (a node of another version) is skipped, and its alert is
   * followed up as unconfirmed.
   */
  public void received(String body) {
    String key;
    String username;
    try {
      JsonObject receipt = new JsonObject(body);
      key = key(receipt.getString("conversationId"), receipt.getLong("seq", 0L));
      username = receipt.getString("username");
    } catch (RuntimeException e) {
      LOG.warn("An alert receipt could not be read; skipped", e);
      return;
    }
    Pending waiting = pending.get(key);
    if (waiting != null && waiting.from().contains(username) && pending.remove(key, waiting)) {
      vertx.cancelTimer(waiting.timer());
    }
  }

  private static String key(String conversationId, long seq) {
    return conversationId + "#" + seq;
  }
}
