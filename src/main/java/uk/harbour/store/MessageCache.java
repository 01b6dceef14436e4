package uk.harbour.store;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.harbour.chat.Message;

/**
 * The most recently used messages by id. A stored message never changes, so an entry can never be
 * stale, on one node or many: only a miss goes to the store. Resume after a reconnect and the
 * latest page of a conversation are nearly always hits.
 */
final class MessageCache {

  private final Map<String, Message> byId;

  MessageCache(int capacity) {
    this.byId =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Message get(String id) {
    return byId.get(id);
  }

  synchronized void put(Message message) {
    byId.put(message.id(), message);
  }
}
