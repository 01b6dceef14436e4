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
import uk.harbour.async.InTurn;
import uk.harbour.identity.CareLeaverRepository;

/**
 * The active conversations' state in memory (history once opened), and the one ordered chain per
 * conversation that every change runs through, so sequence numbers are handed out one at a time
 * and each change sees the state it changes. The message store is the truth: a conversation is
 * loaded from its snapshot and caught up with newer stored messages ({@link ConversationStart}),
 * and its snapshot is written a moment behind ({@link SnapshotWriter}).
 */
public final class ConversationLog {

  /** Read into the message cache on loading, so a resend of any of them after a restart is answered from memory. */
  private static final int WARM = 256;

  private final Vertx vertx;
  private final MessageRepository messages;
  private final ConversationRepository snapshots;
  private final SnapshotWriter snapshotWriter;
  private final StoreCatchUp catchUps;
  private final ConversationStart starting;
  private final RecordedConversations records;
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
    this.catchUps = new StoreCatchUp(messages, this::fold, this::changed);
    this.records = new RecordedConversations(careLeavers);
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
    return (conv.lastSeq() == 0 ? records.followRecord(conv) : Future.<Void>succeededFuture())
        .compose(v -> marks.beforeStoring(conv.id()))
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
    return catchUps.catchUp(conv, 0);
  }

  /**
   * Loads these conversations as {@link #conversation} does, {@code lanes} at a time, with the
   * messages after the snapshots of those held read for all of them in a few queries rather than
   * one each: a start after a crash catches up hundreds.
   */
  Future<Void> loadAll(Collection<String> conversationIds, int lanes) {
    Map<String, Long> heldAt = new HashMap<>();
    for (String id : conversationIds) {
      peek(id).filter(conv -> !Boolean.TRUE.equals(loaded.get(id))).ifPresent(conv -> heldAt.put(id, conv.lastSeq()));
    }
    return catchUps.readAhead(heldAt, WARM).compose(read -> InTurn.forEach(conversationIds, lanes, id -> load(id, read.get(id))));
  }

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

  private Future<Conversation> load(String conversationId, StoreCatchUp.ReadAhead ahead) {
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
  private Future<Conversation> ensureLoaded(ConversationSlot slot, String conversationId, StoreCatchUp.ReadAhead ahead) {
    if (Boolean.TRUE.equals(loaded.get(conversationId)) && slot.state() != null) {
      return Future.succeededFuture(slot.state());
    }
    Future<Conversation> base =
        slot.state() != null
            ? Future.succeededFuture(slot.state())
            : snapshots.find(conversationId).compose(found -> found.map(Conversation::restore).map(Future::succeededFuture).orElseGet(() -> records.fresh(conversationId)));
    return base.compose(
        conv -> {
          hold(slot, conv);
          long fromSnapshot = conv.lastSeq();
          // Active once caught up, or caught up past its snapshot (history written outside the chat
          // core, such as the demo's): marked, so the next start loads it and catches it up again
          // even if its snapshot is not written by then.
          Future<Void> caughtUp = ahead != null ? catchUps.fold(conv, ahead, WARM) : catchUps.catchUp(conv, WARM);
          return caughtUp
              .compose(v -> conv.lastSeq() > fromSnapshot ? marks.ifUnmarked(conv.id()) : marks.ifActive(conv))
              .map(v -> {
                loaded.put(conversationId, true);
                return conv;
              });
        });
  }
}
