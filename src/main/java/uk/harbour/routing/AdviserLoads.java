package uk.harbour.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationStatus;

/**
 * Each adviser's active conversations and latest assignment, in one pass over the conversations in
 * memory (the fold keeps who has each one and since when), with availability and capacity beside.
 */
final class AdviserLoads implements Assignment.Advisers {

  /** What the pass over the conversations found; it changes only when an assignment does. */
  record Counts(Map<String, Integer> active, Map<String, Instant> lastAssigned) {}

  private final Counts counts;
  private final Predicate<String> canTakeWork;
  private final ToIntFunction<String> capacity;

  AdviserLoads(Counts counts, Predicate<String> canTakeWork, ToIntFunction<String> capacity) {
    this.counts = counts;
    this.canTakeWork = canTakeWork;
    this.capacity = capacity;
  }

  static AdviserLoads of(Iterable<Conversation> conversations, Predicate<String> canTakeWork, ToIntFunction<String> capacity) {
    return new AdviserLoads(count(conversations), canTakeWork, capacity);
  }

  static Counts count(Iterable<Conversation> conversations) {
    Map<String, Integer> active = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (Conversation c : conversations) {
      String adviser = c.assignedTo();
      if (adviser == null) {
        continue;
      }
      if (c.status() != ConversationStatus.RESOLVED) {
        active.merge(adviser, 1, Integer::sum);
      }
      if (c.assignedAt() != null) {
        last.merge(adviser, c.assignedAt(), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    return new Counts(Map.copyOf(active), Map.copyOf(last));
  }

  @Override
  public boolean canTakeWork(String adviser) {
    return canTakeWork.test(adviser);
  }

  @Override
  public int active(String adviser) {
    return counts.active().getOrDefault(adviser, 0);
  }

  @Override
  public int capacity(String adviser) {
    return capacity.applyAsInt(adviser);
  }

  @Override
  public Optional<Instant> lastAssigned(String adviser) {
    return Optional.ofNullable(counts.lastAssigned().get(adviser));
  }
}
