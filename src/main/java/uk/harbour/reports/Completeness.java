package uk.harbour.reports;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import uk.harbour.chat.ActiveMarks;

/**
 * Whether a start must fold every conversation, resting history included, or only those the chat
 * core holds. A conversation is marked active before anything is stored into it and unmarked only
 * at a start once its last message is {@link ActiveMarks#ACTIVE_FOR} old; so if the reports were
 * complete less than {@link #TRUSTED_FOR} ago, any conversation they are behind on has a message
 * since then and is still marked, and held. Otherwise (never complete, watermarks lost, Harbour
 * down for a week, a fold that failed) the start reads every snapshot's summary, as it grows with
 * history.
 */
final class Completeness {

  /** A day less than {@link ActiveMarks#ACTIVE_FOR}: room for a fold in flight when the mark was written. */
  static final Duration TRUSTED_FOR = ActiveMarks.ACTIVE_FOR.minus(Duration.ofDays(1));
  /** How often a running writer renews the mark, so a restart after weeks of running still trusts it. */
  static final Duration RENEW_EVERY = Duration.ofHours(1);

  private final ReportProgressRepository progress;
  private final Clock clock;
  /** Set once the start's catch-up is written; cleared for good when a fold fails. */
  private boolean renewable;
  private Instant written = Instant.MIN;

  Completeness(ReportProgressRepository progress, Clock clock) {
    this.progress = Objects.requireNonNull(progress);
    this.clock = Objects.requireNonNull(clock);
  }

  Instant now() {
    return clock.instant();
  }

  /** Whether the start beginning at {@code now} must fold every conversation. */
  Future<Boolean> everyConversationNeeded(Instant now) {
    return progress.completeAt().map(at -> at.map(a -> a.isBefore(now.minus(TRUSTED_FOR))).orElse(true));
  }

  /** The start's catch-up, begun at {@code began}, is folded and written. */
  Future<Void> caughtUp(Instant began) {
    return write(began).onSuccess(v -> renewable = true);
  }

  /** Something heard or read was not folded: from now on only a catch-up at the next start can vouch for the reports. */
  void foldFailed() {
    renewable = false;
  }

  /** A flush begun at {@code began} wrote everything folded before it: renews the mark if it is due. */
  Future<Void> flushed(Instant began) {
    return renewable && !began.isBefore(written.plus(RENEW_EVERY)) ? write(began) : Future.succeededFuture();
  }

  private Future<Void> write(Instant at) {
    return progress.complete(at).onSuccess(v -> written = at);
  }
}
