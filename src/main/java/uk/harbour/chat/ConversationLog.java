package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import uk.harbour.async.InTurn;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.web.HarbourException;

/**
 * The active conversations' state in memory (history once opened), and the one ordered chain per
 * conversation that every change runs through, so sequence numbers are handed out one at a time
 * and each change sees the state it changes. The message store is the truth: a conversation is
 * loaded from its snapshot and caught up with newer stored messages ({@link ConversationStart}),
 * and its snapshot is written a moment behind ({@link SnapshotWriter}).
 */
public final class ConversationLog {

  /** Seqs asked for at a time while catching up with the store. */
  private static final int CATCH_UP_PAGE = 64;
  /** Read into the message cache on loading, so a resend of any of them after a restart is answered from memory. */
  private static final int WARM = 256;
  /**
   * Seqs after the snapshot asked for at first when catching up many conversations at once: a crash
   * leaves a few messages after a snapshot, and most of a full page would be look-ups of nothing.
   */
  private static final int FIRST_PAGE_AHEAD = 8;

  private final Vertx vertx;
  private final MessageRepository messages;
  private final ConversationRepository snapshots;
  private final SnapshotWriter snapshotWriter;
  private final ConversationStart starting;
  private final CareLeaverRepository careLeavers;
  private final ActiveMarks marks;
  private final Map<String, ConversationSlot> slots = new ConcurrentHashMap<>();
  /** Conversations caught up with the store since this node started; others are caught up first. */
  private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();
  /** Counts changes to who has which conversation, so routing can keep advisers' loads between them. */
  private final AtomicLong assignmentChanges = new AtomicLong();

  public ConversationLog(Vertx vertx, MessageRepository messages, ConversationRepository snapshots, CareLeaverRepository careLeavers,
      ActiveConversationRepository marks, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.marks = new ActiveMarks(marks, clock);
    this.messages = Objects.requireNonNull(messages);
    this.snapshots = Objects.requireNonNull(snapshots);
    this.snapshotWriter = new SnapshotWriter(vertx, snapshots);
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.starting = new ConversationStart(this, this.marks, messages, snapshots, careLeavers);
  }

  /** Loads the active conversations, caught up with the store: start-up grows with them, not with history. */
  public Future<Void> start() {
    return starting.start();
  }
  /**
   * Runs {@code step} in the conversation's ordered chain, after every step queued before it and
   * with the conversation loaded and caught up. Only inside a step may {@link #append} and
   * {@link #catchUp} be called for that conversation.
   */
  <T> Future<T> inOrder(String conversationId, Function<Conversation, Future<T>> step) {
    return slot(conversationId).enqueue(slot -> ensureLoaded(slot, conversationId, null).compose(step));
  }

  /**
   * Stores the next message of the conversation and folds it in. Completes once the store has
   * applied it (so the chain can go on), failing with {@link MessageRepository.DuplicateMessageException}
   * if it clashes; it may be acknowledged once {@link MessageRepository#durable()} says so.
   */
  Future<Void> append(Conversation conv, Message message) {
    return marks.beforeStoring(conv.id())
        .compose(v -> messages.write(message))
        .map(
            v -> {
              fold(conv, message);
              changed(conv);
              return v;
            });
  }

  /** Replays any stored messages newer than the state held (the snapshot is written after the ack, or another writer took a seq). */
  Future<Void> catchUp(Conversation conv) {
    return catchUp(conv, 0);
  }

  /**
   * Catches up as above, reading the {@code recent} messages before them into the repository's
   * cache in the same query (opening and resuming ask for them next, and resends are answered from
   * the cache): at start every conversation behind its snapshot is loaded, so a read each counts.
   */
  private Future<Void> catchUp(Conversation conv, int recent) {
    long last = conv.lastSeq();
    return messages.find(conv.id(), catchUpSeqs(last, recent, CATCH_UP_PAGE)).compose(found -> foldRead(conv, found, last + CATCH_UP_PAGE, recent));
  }

  /** The seqs a catch-up of a conversation held at {@code last} asks for: the next {@code page}, and the {@code recent} before them. */
  private static List<Long> catchUpSeqs(long last, int recent, int page) {
    return LongStream.range(Math.max(1, last - recent + 1), last + 1 + page).boxed().toList();
  }

  /**
   * Folds what a catch-up read up to seq {@code readTo} found after the state held now (which may
   * have moved on meanwhile); a read found to its end means a longer backlog: the next page, with
   * what is already read answered from the cache.
   */
  private Future<Void> foldRead(Conversation conv, List<Message> found, long readTo, int recent) {
    long last = conv.lastSeq();
    List<Message> newer = found.stream().filter(m -> m.seq() > last).toList();
    newer.forEach(m -> fold(conv, m));
    if (!newer.isEmpty()) {
      changed(conv);
    }
    boolean toTheEnd = !found.isEmpty() && found.get(found.size() - 1).seq() == readTo;
    return toTheEnd ? catchUp(conv, recent) : Future.succeededFuture();
  }

  /**
   * Loads these conversations as {@link #conversation} does, {@code lanes} at a time, with the
   * messages after the snapshots of those held read for all of them in a few queries rather than
   * one each: a start after a crash catches up hundreds.
   */
  Future<Void> loadAll(Collection<String> conversationIds, int lanes) {
    Map<String, List<Long>> wanted = new HashMap<>();
    Map<String, Long> readTo = new HashMap<>();
    for (String id : conversationIds) {
      Conversation held = peek(id).orElse(null);
      if (held != null && !Boolean.TRUE.equals(loaded.get(id))) {
        wanted.put(id, catchUpSeqs(held.lastSeq(), WARM, FIRST_PAGE_AHEAD));
        readTo.put(id, held.lastSeq() + FIRST_PAGE_AHEAD);
      }
    }
    return messages.find(wanted).compose(read -> InTurn.forEach(conversationIds, lanes,
        id -> load(id, read.containsKey(id) ? new ReadAhead(read.get(id), readTo.get(id)) : null)));
  }

  /** Messages read for a conversation's catch-up before it was queued, up to seq {@code readTo}. */
  private record ReadAhead(List<Message> found, long readTo) {}

  /**
   * Catches up after a write found its seq taken by another node. The later the try, the longer a
   * random pause first (up to {@code tries} × 5 ms), so a node writing a burst into the same
   * conversation finishes it rather than winning every race.
   */
  Future<Void> catchUpAfterClash(Conversation conv, int tries) {
    long pause = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * tries + 2);
    return vertx.timer(pause).compose(v -> catchUp(conv));
  }

  /**
   * A message another node stored (clustered mode): folded in when it is the next one, otherwise
   * the conversation is caught up from the store, which has it. Not snapshotted here: the node that
   * stored it does that.
   */
  Future<Void> heard(Message message) {
    return inOrder(message.conversationId(), conv -> {
      if (message.seq() == conv.lastSeq() + 1) {
        fold(conv, message);
        return Future.succeededFuture();
      }
      return message.seq() <= conv.lastSeq() ? Future.<Void>succeededFuture() : catchUp(conv);
    });
  }

  /** A read receipt another node took (clustered mode). */
  Future<Void> heardRead(String conversationId, long seq, boolean byCareLeaver) {
    return inOrder(conversationId, conv -> {
      if (byCareLeaver) {
        conv.markReadByCareLeaver(seq);
      } else {
        conv.markReadByStaff(seq);
      }
      return Future.<Void>succeededFuture();
    });
  }

  /** At a graceful stop: every snapshot that is behind, written now ({@link SnapshotWriter#writeAllNow}). */
  Future<Void> writeSnapshotsNow() {
    return snapshotWriter.writeAllNow(List.copyOf(slots.values()));
  }

  /** After another node died: catches up what it stored and never announced here. */
  public Future<Void> catchUpWithStore() {
    return starting.catchUpWithStore();
  }

  /** The id of the message each conversation held here would have next. */
  List<String> nextMessageIds() {
    List<String> next = new ArrayList<>();
    slots.forEach((id, slot) -> next.add(Message.id(id, slot.state() == null ? 1 : slot.state().lastSeq() + 1)));
    return next;
  }

  boolean holds(String conversationId) {
    return slots.containsKey(conversationId);
  }

  int heldCount() {
    return slots.size();
  }

  /** Held from a snapshot; caught up with the store when it is next asked for. */
  void holdRestored(ConversationState state) {
    hold(slot(state.id()), Conversation.restore(state));
  }

  /** No longer held (history now); loaded again if anyone opens it. */
  void forget(String conversationId) {
    slots.remove(conversationId);
    loaded.remove(conversationId);
  }

  /** Holds only {@code active}, dropping the rest (history). */
  void keepOnly(Set<String> active) {
    List.copyOf(slots.keySet()).stream().filter(id -> !active.contains(id)).forEach(this::forget);
  }

  /** The conversation changed: its snapshot is written a moment behind ({@link SnapshotWriter}). */
  void changed(Conversation conv) {
    snapshotWriter.changed(slot(conv.id()));
  }

  /** The conversation, loaded (and caught up with the message store) if needed. */
  public Future<Conversation> conversation(String conversationId) {
    return load(conversationId, null);
  }

  private Future<Conversation> load(String conversationId, ReadAhead ahead) {
    ConversationSlot slot = slot(conversationId);
    if (Boolean.TRUE.equals(loaded.get(conversationId)) && slot.state() != null) {
      return Future.succeededFuture(slot.state());
    }
    return slot.enqueue(s -> ensureLoaded(s, conversationId, ahead));
  }

  /** The conversation as held in memory right now, without loading it. */
  public Optional<Conversation> peek(String conversationId) {
    ConversationSlot slot = slots.get(conversationId);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.state());
  }

  /**
   * Every conversation held in memory: the active ones (loaded at start or since) and any history
   * opened since start. Resolved history that nobody opened is not among them.
   */
  public List<Conversation> conversations() {
    List<Conversation> all = new ArrayList<>();
    for (ConversationSlot slot : slots.values()) {
      if (slot.state() != null) {
        all.add(slot.state());
      }
    }
    return all;
  }

  /**
   * A summary of every conversation: those held as they are now, resting history from its
   * snapshot (which is never behind its messages: a conversation is marked, and so held at
   * start, before anything is stored into it). Read from the store: for background work only.
   */
  public Future<List<ConversationSummary>> summaries() {
    return snapshots.summaries().map(stored -> {
      List<ConversationSummary> all = new ArrayList<>();
      conversations().forEach(conv -> all.add(ConversationSummary.of(conv)));
      stored.stream().filter(s -> peek(s.id()).isEmpty()).forEach(all::add);
      return all;
    });
  }

  /**
   * A number that changes whenever any conversation changes adviser, assignment time or
   * resolved state: equal numbers mean advisers' loads are as they were.
   */
  public long assignmentChanges() {
    return assignmentChanges.get();
  }

  private void hold(ConversationSlot slot, Conversation conv) {
    slot.state(conv);
    assignmentChanges.incrementAndGet();
  }

  private void fold(Conversation conv, Message message) {
    String adviser = conv.assignedTo();
    Instant assignedAt = conv.assignedAt();
    boolean resolved = conv.status() == ConversationStatus.RESOLVED;
    conv.apply(message);
    if (!Objects.equals(adviser, conv.assignedTo()) || !Objects.equals(assignedAt, conv.assignedAt())
        || resolved != (conv.status() == ConversationStatus.RESOLVED)) {
      assignmentChanges.incrementAndGet();
    }
  }

  private ConversationSlot slot(String conversationId) {
    return slots.computeIfAbsent(conversationId, id -> new ConversationSlot());
  }

  /** Makes sure the slot holds the conversation, caught up with every stored message ({@code ahead}: read already, or null). */
  private Future<Conversation> ensureLoaded(ConversationSlot slot, String conversationId, ReadAhead ahead) {
    if (Boolean.TRUE.equals(loaded.get(conversationId)) && slot.state() != null) {
      return Future.succeededFuture(slot.state());
    }
    Future<Conversation> base =
        slot.state() != null
            ? Future.succeededFuture(slot.state())
            : snapshots.find(conversationId).compose(found -> found.map(Conversation::restore).map(Future::succeededFuture).orElseGet(() -> fresh(conversationId)));
    return base.compose(
        conv -> {
          hold(slot, conv);
          long fromSnapshot = conv.lastSeq();
          // Active once caught up, or caught up past its snapshot (history written outside the chat
          // core, such as the demo's): marked, so the next start loads it and catches it up again
          // even if its snapshot is not written by then.
          Future<Void> caughtUp = ahead != null ? foldRead(conv, ahead.found(), ahead.readTo(), WARM) : catchUp(conv, WARM);
          return caughtUp
              .compose(v -> conv.lastSeq() > fromSnapshot ? marks.ifUnmarked(conv.id()) : marks.ifActive(conv))
              .map(v -> {
                loaded.put(conversationId, true);
                return conv;
              });
        });
  }

  private Future<Conversation> fresh(String careLeaverId) {
    return careLeavers
        .find(careLeaverId)
        .compose(
            found ->
                found
                    .map(c -> Future.succeededFuture(new Conversation(c.id(), c.firstName(), c.paUsername(), c.team())))
                    .orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such conversation."))));
  }
}
