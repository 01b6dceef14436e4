package uk.harbour.chat;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's side of the marks ({@link ActiveConversationRepository}): a conversation is marked
 * before anything is stored into it, so a start after a crash loads it, and unmarked at a start
 * once it is history. What "active" means is decided here.
 */
public final class ActiveMarks {

  /** How long a resolved conversation stays active after its last message (the typical reply time reads a week of answers). */
  public static final Duration ACTIVE_FOR = Duration.ofDays(7);
  /**
   * How old this node's mark may be before its next store marks it again: far less than
   * {@link #ACTIVE_FOR}, so a start never unmarks a conversation a node is writing into.
   */
  static final Duration REMARK = Duration.ofDays(1);

  private final ActiveConversationRepository repository;
  private final Clock clock;
  /** When this node last marked (or read the mark of) each marked conversation. */
  private final Map<String, Instant> marked = new ConcurrentHashMap<>();

  ActiveMarks(ActiveConversationRepository repository, Clock clock) {
    this.repository = Objects.requireNonNull(repository);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Whether anything may act on the conversation without a person opening it: open, a handover
   * waiting for the personal adviser, or a message within {@link #ACTIVE_FOR} (last night's
   * handover items and the typical reply time read those).
   */
  static boolean active(Conversation conv, Instant now) {
    Instant last = conv.lastMessageAt();
    return conv.status() != ConversationStatus.RESOLVED || conv.paHandoverPending() || (last != null && last.isAfter(now.minus(ACTIVE_FOR)));
  }

  Instant now() {
    return clock.instant();
  }

  /** Every mark in the store, remembered here; empty for a store from before the marks. */
  Future<Optional<List<ActiveConversationRepository.Mark>>> read() {
    return repository.all().onSuccess(list -> list.ifPresent(marks -> marks.forEach(m -> marked.put(m.id(), m.markedAt()))));
  }

  /** Before storing into the conversation: marked, unless this node marked it within {@link #REMARK}. */
  Future<Void> beforeStoring(String conversationId) {
    Instant now = clock.instant();
    Instant at = marked.get(conversationId);
    if (at != null && at.isAfter(now.minus(REMARK))) {
      return Future.succeededFuture();
    }
    return repository.mark(conversationId, now).onSuccess(v -> marked.put(conversationId, now));
  }

  /**
   * Marks a conversation found behind its snapshot on loading (a crash, or history written outside
   * the chat core) unless it is marked already, however long ago: the mark only has to exist for
   * the next start to load it again, and storing into it renews it. At start every conversation
   * caught up is a marked one, so this saves a write each.
   */
  Future<Void> ifUnmarked(String conversationId) {
    return marked.containsKey(conversationId) ? Future.succeededFuture() : beforeStoring(conversationId);
  }

  /** Marks a conversation found active on loading (history written outside the chat core). */
  Future<Void> ifActive(Conversation conv) {
    return active(conv, clock.instant()) ? beforeStoring(conv.id()) : Future.succeededFuture();
  }

  /** Marks every one of {@code ids} at once and records the list as built (a store from before the marks). */
  Future<Void> build(List<String> ids) {
    Instant now = clock.instant();
    return repository.build(ids, now).onSuccess(v -> ids.forEach(id -> marked.put(id, now)));
  }

  /**
   * Unmarks the marked conversations that are history now: resolved, no handover pending, quiet,
   * marked at least {@link #ACTIVE_FOR} ago, and not among {@code caughtUp}. A mark made again
   * meanwhile (another node took the conversation up) stays. Completes with those unmarked.
   */
  Future<List<String>> forgetQuiet(List<ActiveConversationRepository.Mark> marks, Set<String> caughtUp, Function<String, Optional<Conversation>> held) {
    Instant now = clock.instant();
    List<String> quiet = new ArrayList<>();
    List<Future<Void>> removed = new ArrayList<>();
    for (ActiveConversationRepository.Mark mark : marks) {
      boolean history = held.apply(mark.id()).map(conv -> !active(conv, now)).orElse(true);
      if (history && !caughtUp.contains(mark.id()) && mark.markedAt().isBefore(now.minus(ACTIVE_FOR))) {
        removed.add(repository.unmark(mark).onSuccess(v -> {
          marked.remove(mark.id());
          quiet.add(mark.id());
        }));
      }
    }
    // One that could not be unmarked stays marked, and is loaded again next time: harmless.
    return Future.join(removed).transform(r -> Future.succeededFuture(quiet));
  }
}
