package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each conversation's snapshot a moment behind its changes, folding every change in that
 * moment into one write: the messages are the truth, and a snapshot that is behind is caught up
 * from them when the conversation is next loaded.
 */
final class SnapshotWriter {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);
  static final long DELAY_MS = 2000;
  /**
   * The next snapshot of a conversation that changed again while its last one was written: a busy
   * conversation is snapshotted every few seconds, not every two (each snapshot is a document
   * replaced and its leaf rewritten at the next commit), and after a crash at most these seconds of
   * its messages are folded again at start.
   */
  static final long BUSY_DELAY_MS = 5000;

  private final Vertx vertx;
  private final ConversationRepository snapshots;
  /** Set at a graceful stop, after which no timer writes: the store is closing. */
  private volatile boolean stopped;

  SnapshotWriter(Vertx vertx, ConversationRepository snapshots) {
    this.vertx = Objects.requireNonNull(vertx);
    this.snapshots = Objects.requireNonNull(snapshots);
  }

  /** The conversation in {@code slot} changed. */
  void changed(ConversationSlot slot) {
    if (slot.requestSave()) {
      vertx.setTimer(DELAY_MS, id -> write(slot));
    }
  }

  /**
   * At a graceful stop: writes at once the snapshot of every conversation whose snapshot is behind
   * or being written, so the next start has nothing to catch up; no timer writes after this.
   */
  Future<Void> writeAllNow(Collection<ConversationSlot> slots) {
    stopped = true;
    List<Future<Void>> writes = new ArrayList<>();
    for (ConversationSlot slot : slots) {
      if (slot.saving()) {
        writes.add(slot.enqueue(s -> Future.succeededFuture(s.state().state())).compose(snapshots::save));
      }
    }
    return Future.join(writes).mapEmpty();
  }

  private void write(ConversationSlot slot) {
    if (stopped) {
      return;
    }
    // Taken inside the chain, so the snapshot is one consistent state, never one half folded.
    slot.enqueue(s -> Future.succeededFuture(s.state().state()))
        .compose(snapshots::save)
        .onFailure(e -> LOG.warn("Conversation snapshot not saved; it will be rebuilt from messages", e))
        .onComplete(
            r -> {
              if (slot.saveFinished()) {
                vertx.setTimer(BUSY_DELAY_MS, id -> write(slot));
              }
            });
  }
}
