package uk.harbour.store;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the embedded store's commits have stopped. Then no message is acknowledged to
 * anyone, yet the store still answers a ping, so readiness alone would say all is well: a stall is
 * logged as an ERROR once when it begins (and once when it ends), and readiness fails while it lasts.
 */
public final class CommitStall {

  private static final Logger LOG = LoggerFactory.getLogger(CommitStall.class);

  /** Far beyond a normal commit (tens of milliseconds, a compaction pass included). */
  static final Duration LIMIT = Duration.ofSeconds(15);

  private final Durability durability;
  private final Duration limit;
  private boolean stalled;

  CommitStall(Durability durability, Duration limit) {
    this.durability = Objects.requireNonNull(durability);
    this.limit = Objects.requireNonNull(limit);
  }

  /** Whether a write has waited longer than the limit for its commit; says so in the log when that changes. */
  public synchronized boolean stalled() {
    Duration owed = durability.commitOwedFor();
    boolean now = owed.compareTo(limit) > 0;
    if (now && !stalled) {
      LOG.error("The embedded store has not committed for {} s: no message is acknowledged until it does", owed.toSeconds());
    } else if (!now && stalled) {
      LOG.info("The embedded store commits again");
    }
    stalled = now;
    return now;
  }
}
