package uk.harbour.routing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uk.harbour.chat.Conversation;

/**
 * Alerts nobody saw: how many so far (a metric), and in which wait each young person was last told
 * honestly that nobody is online, so they are told once a wait. Kept in memory: a restart may tell
 * someone once more.
 */
final class UnseenAlerts {

  private final AtomicLong count = new AtomicLong();
  private final Map<String, Instant> toldNobodyOnline = new ConcurrentHashMap<>();

  void counted() {
    count.incrementAndGet();
  }

  long count() {
    return count.get();
  }

  /** Whether the young person was told nobody is online in the conversation's current wait. */
  boolean toldInThisWait(Conversation conv) {
    return conv.waitingSince().equals(toldNobodyOnline.get(conv.id()));
  }

  /** Records that the young person is told in the wait that began {@code since}; false if they were already. */
  boolean tell(String conversationId, Instant since) {
    return !since.equals(toldNobodyOnline.put(conversationId, since));
  }
}
