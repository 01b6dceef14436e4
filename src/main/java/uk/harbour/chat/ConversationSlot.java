package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * One conversation's in-memory state, the ordered chain every change to it runs through, and
 * whether a snapshot write is under way ({@link ConversationLog}).
 */
final class ConversationSlot {

  private Future<?> tail = Future.succeededFuture();
  private volatile Conversation state;
  private boolean saving;
  private boolean dirty;

  /** Runs {@code step} after every step queued before it, whatever their outcome. */
  synchronized <T> Future<T> enqueue(Function<ConversationSlot, Future<T>> step) {
    Future<T> next = tail.transform(ignored -> step.apply(this));
    tail = next;
    return next;
  }

  Conversation state() {
    return state;
  }

  void state(Conversation state) {
    this.state = state;
  }

  /** True when the caller should start a save now; otherwise the running save will go again. */
  synchronized boolean requestSave() {
    if (saving) {
      dirty = true;
      return false;
    }
    saving = true;
    return true;
  }

  /** Whether a snapshot write is due or under way: the snapshot in the store may be behind. */
  synchronized boolean saving() {
    return saving;
  }

  /** True when changes arrived during the save and another is needed. */
  synchronized boolean saveFinished() {
    if (dirty) {
      dirty = false;
      return true;
    }
    saving = false;
    return false;
  }
}
