package uk.harbour.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.harbour.chat.Message;

/**
 * The recent end of each conversation, by message id. A stored message never changes, so an entry
 * can never be stale, on one node or many: only a miss goes to the store. Resume after a reconnect
 * and the latest page of a conversation are nearly always hits.
 *
 * <p>Messages far behind their conversation's newest are not kept: someone scrolling back reads
 * each of them once, and keeping them would push out what opening and resuming need.
 */
final class MessageCache {

  private final int recentSeqs;
  private final Map<String, Message> byId;
  /** The highest seq seen per conversation: one number per conversation. */
  private final Map<String, Long> newest = new HashMap<>();

  MessageCache(int capacity, int recentSeqs) {
    this.recentSeqs = recentSeqs;
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
    long top = newest.merge(message.conversationId(), message.seq(), Math::max);
    if (message.seq() > top - recentSeqs) {
      byId.put(message.id(), message);
    }
  }
}
