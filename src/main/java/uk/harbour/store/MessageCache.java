package uk.harbour.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.harbour.chat.Message;

/**
 * The recent end of each conversation, by message id and by client id. A stored message never
 * changes, so an entry can never be stale, on one node or many: only a miss goes to the store.
 * Resume after a reconnect and the latest page of a conversation are nearly always hits, and so is
 * an outbox's resend of a message sent moments ago.
 *
 * <p>This is Harbour's only memory of recent messages. The chat core once kept a second one per
 * conversation (256 client ids each) for resends; that grew with the number of conversations while
 * this one is bounded, and it held the very messages this one holds.
 *
 * <p>Messages far behind their conversation's newest are not kept: someone scrolling back reads
 * each of them once, and keeping them would push out what opening and resuming need.
 */
final class MessageCache {

  private final int recentSeqs;
  private final Map<String, Message> byId;
  /** The same messages by conversation, sender and client id; an entry leaves with its message. */
  private final Map<String, Message> byClientId = new HashMap<>();
  /** The highest seq seen per conversation: one number per conversation. */
  private final Map<String, Long> newest = new HashMap<>();

  MessageCache(int capacity, int recentSeqs) {
    this.recentSeqs = recentSeqs;
    this.byId =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
            if (size() <= capacity) {
              return false;
            }
            Message leaving = eldest.getValue();
            if (leaving.clientId() != null) {
              byClientId.remove(clientKey(leaving.conversationId(), leaving.senderId(), leaving.clientId()), leaving);
            }
            return true;
          }
        };
  }

  synchronized Message get(String id) {
    return byId.get(id);
  }

  synchronized Message byClientId(String conversationId, String senderId, String clientId) {
    return byClientId.get(clientKey(conversationId, senderId, clientId));
  }

  synchronized void put(Message message) {
    long top = newest.merge(message.conversationId(), message.seq(), Math::max);
    if (message.seq() > top - recentSeqs) {
      byId.put(message.id(), message);
      if (message.clientId() != null) {
        byClientId.put(clientKey(message.conversationId(), message.senderId(), message.clientId()), message);
      }
    }
  }

  private static String clientKey(String conversationId, String senderId, String clientId) {
    return conversationId + '\u0000' + senderId + '\u0000' + clientId;
  }
}
