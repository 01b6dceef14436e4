package uk.harbour.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.chat.ConversationPosts;

/**
 * Assignments decided and not yet stored. A decision counts in an adviser's load only once its
 * message is stored and folded, a commit later; conversations deciding meanwhile (a burst of new
 * ones, each in its own chain) all saw the same loads and went to the same adviser, far past their
 * capacity. Decisions are made one at a time ({@link #lock}), each adding its pending assignment
 * to the loads the next one sees, until its store is done.
 */
final class PendingAssignments {

  /** Held while choosing and recording a choice, so no two decisions see the same loads. */
  final Object lock = new Object();

  private final ConversationPosts chat;
  private final Map<String, String> adviserByConversation = new ConcurrentHashMap<>();

  PendingAssignments(ConversationPosts chat) {
    this.chat = Objects.requireNonNull(chat);
  }

  void add(String conversationId, String adviser) {
    adviserByConversation.put(conversationId, adviser);
  }

  /** Its store is done, stored or failed: the fold counts it now, or nothing does. */
  void done(String conversationId) {
    adviserByConversation.remove(conversationId);
  }

  /**
   * Each adviser's assignments not stored yet, leaving out those the fold already shows. Read it
   * before the counts, so a fold in between is counted twice for a moment, never not at all.
   */
  Map<String, Integer> pendingByAdviser() {
    Map<String, Integer> pending = new HashMap<>();
    adviserByConversation.forEach((conversationId, adviser) -> {
      boolean folded = chat.peek(conversationId).map(c -> adviser.equals(c.assignedTo())).orElse(false);
      if (!folded) {
        pending.merge(adviser, 1, Integer::sum);
      }
    });
    return pending;
  }

  /** The counts with pending assignments added; an adviser with one counts as given work just now. */
  static AdviserLoads.Counts with(AdviserLoads.Counts counts, Map<String, Integer> pending, Instant now) {
    if (pending.isEmpty()) {
      return counts;
    }
    Map<String, Integer> active = new HashMap<>(counts.active());
    Map<String, Instant> last = new HashMap<>(counts.lastAssigned());
    pending.forEach((adviser, n) -> {
      active.merge(adviser, n, Integer::sum);
      last.put(adviser, now);
    });
    return new AdviserLoads.Counts(active, last);
  }
}
