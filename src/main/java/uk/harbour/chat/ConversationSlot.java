package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One conversation's in-memory state and the ordered chain every change to it runs through, so
 * sequence numbers are handed out one at a time. Also remembers recent client ids so a resend is
 * answered without touching the store.
 */
final class ConversationSlot {

  private static final int RECENT = 256;

  private Future<?> tail = Future.succeededFuture();
  private Conversation state;
  private boolean saving;
  private boolean dirty;
  private final Map<String, Message> recent =
      new LinkedHashMap<>(RECENT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
          return size() > RECENT;
        }
      };

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

  Optional<Message> recent(String senderId, String clientId) {
    return Optional.ofNullable(recent.get(senderId + '\u0000' + clientId));
  }

  void remember(Message message) {
    if (message.clientId() != null) {
      recent.put(message.senderId() + '\u0000' + message.clientId(), message);
    }
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
