package uk.harbour.reports;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.LongStream;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.ConversationSummary;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageRepository;

/**
 * The report writer's fold of each conversation it has heard of, loaded once from the stored
 * progress, and the steps on it: one conversation's steps run one at a time, in the order asked
 * for, and a message after a gap first has the missing ones read from the store by {@code _id}.
 * Touched only from the writer's context. What each step folds is handed to {@link Unwritten}.
 */
final class ConversationFolds {

  private static final int PAGE = 64;

  private final ConversationPosts chat;
  private final MessageRepository messages;
  private final ReportProgressRepository progress;
  private final CoverLookup covers;
  private final Unwritten unwritten;
  private final Map<String, ConversationFold> folds = new HashMap<>();
  private final Map<String, Future<Void>> chains = new HashMap<>();

  ConversationFolds(ConversationPosts chat, MessageRepository messages, ReportProgressRepository progress, CoverLookup covers, Unwritten unwritten) {
    this.chat = Objects.requireNonNull(chat);
    this.messages = Objects.requireNonNull(messages);
    this.progress = Objects.requireNonNull(progress);
    this.covers = Objects.requireNonNull(covers);
    this.unwritten = Objects.requireNonNull(unwritten);
  }

  /** The seq the conversation's fold in memory has reached, or -1 when none is held. */
  long heldSeq(String conversationId) {
    ConversationFold held = folds.get(conversationId);
    return held == null ? -1 : held.seq();
  }

  /** Holds a fold for {@code conv} from its stored progress (none: from the start) unless one is held already. */
  void holdFrom(ConversationSummary conv, ConversationFold.Progress stored) {
    folds.computeIfAbsent(conv.id(), id -> fromProgress(id, conv.team(), conv.paUsername(), stored));
  }

  /** Folds the conversation's stored messages up to {@code lastSeq}, after every step asked for before. */
  Future<Void> upTo(String conversationId, long lastSeq) {
    return inOrder(conversationId, fold -> foldUpTo(fold, lastSeq));
  }

  /** Folds a stored message, and first any before it the fold has not seen. */
  Future<Void> message(Message message) {
    return inOrder(message.conversationId(), fold -> foldUpTo(fold, message.seq() - 1).map(v -> {
      fold(fold, message);
      return (Void) null;
    }));
  }

  /** Runs {@code step} after every step queued before it for this conversation, with its fold loaded. */
  private Future<Void> inOrder(String conversationId, Function<ConversationFold, Future<Void>> step) {
    Future<Void> previous = chains.getOrDefault(conversationId, Future.succeededFuture());
    Future<Void> next = previous.transform(r -> loaded(conversationId)).compose(step);
    chains.put(conversationId, next);
    next.onComplete(r -> chains.remove(conversationId, next));
    return next;
  }

  private Future<ConversationFold> loaded(String conversationId) {
    ConversationFold held = folds.get(conversationId);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    return chat.conversation(conversationId)
        .compose(conv -> progress.find(List.of(conversationId)).map(stored -> {
          ConversationFold fold = fromProgress(conversationId, conv.team(), conv.paUsername(), stored.get(conversationId));
          return folds.computeIfAbsent(conversationId, id -> fold);
        }));
  }

  private ConversationFold fromProgress(String conversationId, String team, String paUsername, ConversationFold.Progress stored) {
    return stored == null ? new ConversationFold(conversationId, team, paUsername, covers) : new ConversationFold(stored, paUsername, covers);
  }

  /** Reads and folds the stored messages after the fold's seq, up to {@code lastSeq}, a page at a time. */
  private Future<Void> foldUpTo(ConversationFold fold, long lastSeq) {
    long from = fold.seq() + 1;
    if (from > lastSeq) {
      return Future.succeededFuture();
    }
    long to = Math.min(lastSeq, from + PAGE - 1);
    return messages.find(fold.progress().conversationId(), LongStream.rangeClosed(from, to).boxed().toList()).compose(found -> {
      found.forEach(m -> fold(fold, m));
      if (to >= lastSeq) {
        return Future.succeededFuture();
      }
      // A seq can be missing for good (a rejected duplicate): go on from the end of the page, not from the last found.
      fold.skipTo(to);
      return foldUpTo(fold, lastSeq);
    });
  }

  private void fold(ConversationFold fold, Message message) {
    unwritten.folded(message.conversationId(), fold, fold.apply(message));
  }
}
