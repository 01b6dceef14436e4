package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * Reads the stored messages after the state a conversation holds and folds them in, a page at a
 * time; at start, the first pages of hundreds of conversations in a few queries. The caller runs
 * it inside the conversation's ordered chain ({@link ConversationLog}).
 */
final class StoreCatchUp {

  /** Seqs asked for at a time while catching up with the store. */
  private static final int PAGE = 64;
  /**
   * Seqs after the snapshot asked for at first when catching up many conversations at once: a crash
   * leaves a few messages after a snapshot, and most of a full page would be look-ups of nothing.
   */
  private static final int FIRST_PAGE_AHEAD = 8;

  /** Messages read for a conversation's catch-up before its turn came, up to seq {@code readTo}. */
  record ReadAhead(List<Message> found, long readTo) {}

  private final MessageRepository messages;
  private final BiConsumer<Conversation, Message> fold;
  private final Consumer<Conversation> changed;

  /** {@code fold} applies a stored message to the state held; {@code changed} is told once per catch-up that folded any. */
  StoreCatchUp(MessageRepository messages, BiConsumer<Conversation, Message> fold, Consumer<Conversation> changed) {
    this.messages = Objects.requireNonNull(messages);
    this.fold = Objects.requireNonNull(fold);
    this.changed = Objects.requireNonNull(changed);
  }

  /**
   * Folds in every stored message after the state held, reading the {@code recent} messages before
   * them into the repository's cache in the same query (opening and resuming ask for them next,
   * and resends are answered from the cache).
   */
  Future<Void> catchUp(Conversation conv, int recent) {
    long last = conv.lastSeq();
    return messages.find(conv.id(), seqs(last, recent, PAGE)).compose(found -> fold(conv, new ReadAhead(found, last + PAGE), recent));
  }

  /**
   * The first page of each conversation's catch-up, read for all of them at once ({@code heldAt}:
   * the last seq each holds).
   */
  Future<Map<String, ReadAhead>> readAhead(Map<String, Long> heldAt, int recent) {
    Map<String, List<Long>> wanted = new HashMap<>();
    heldAt.forEach((id, last) -> wanted.put(id, seqs(last, recent, FIRST_PAGE_AHEAD)));
    return messages.find(wanted).map(found -> {
      Map<String, ReadAhead> read = new HashMap<>();
      found.forEach((id, messages) -> read.put(id, new ReadAhead(messages, heldAt.get(id) + FIRST_PAGE_AHEAD)));
      return read;
    });
  }

  /**
   * Folds what was read after the state held now (which may have moved on since); a read found to
   * its end means a longer backlog: the next page, with what is already read answered from the cache.
   */
  Future<Void> fold(Conversation conv, ReadAhead read, int recent) {
    long last = conv.lastSeq();
    List<Message> newer = read.found().stream().filter(m -> m.seq() > last).toList();
    newer.forEach(m -> fold.accept(conv, m));
    if (!newer.isEmpty()) {
      changed.accept(conv);
    }
    List<Message> found = read.found();
    boolean toTheEnd = !found.isEmpty() && found.get(found.size() - 1).seq() == read.readTo();
    return toTheEnd ? catchUp(conv, recent) : Future.succeededFuture();
  }

  /** The seqs a catch-up of a conversation held at {@code last} asks for: the next {@code page}, and the {@code recent} before them. */
  private static List<Long> seqs(long last, int recent, int page) {
    return LongStream.range(Math.max(1, last - recent + 1), last + 1 + page).boxed().toList();
  }
}
