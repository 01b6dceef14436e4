package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.MessageRepository.Duplicate;
import uk.harbour.chat.MessageRepository.DuplicateMessageException;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccount;
import uk.harbour.store.Durability;
import uk.harbour.web.HarbourException;

/**
 * The chat core: stores a message, then acknowledges and delivers it. Every change to a
 * conversation runs in that conversation's own ordered chain; the message store is the truth and
 * the conversation snapshot is rebuilt from it when they disagree (after a crash).
 */
public final class ChatService {

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  static final int PAGE = 200;
  static final long SNAPSHOT_DELAY_MS = 2000;

  private final Vertx vertx;
  private final MessageRepository messages;
  private final ConversationRepository conversations;
  private final CareLeaverRepository careLeavers;
  private final Durability durability;
  private final ChatDelivery delivery;
  private final Clock clock;
  private final Map<String, ConversationSlot> slots = new ConcurrentHashMap<>();
  private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();
  private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
  /** Counts changes to who has which conversation, so routing can keep advisers' loads between them. */
  private final AtomicLong assignmentChanges = new AtomicLong();

  public ChatService(
      Vertx vertx,
      MessageRepository messages,
      ConversationRepository conversations,
      CareLeaverRepository careLeavers,
      Durability durability,
      ChatDelivery delivery,
      Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.messages = Objects.requireNonNull(messages);
    this.conversations = Objects.requireNonNull(conversations);
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.durability = Objects.requireNonNull(durability);
    this.delivery = Objects.requireNonNull(delivery);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Loads every snapshot once so the queue is served from memory, then finds conversations whose
   * first snapshot was never written (a crash or stop within moments of their first message): each
   * care leaver's conversation id is their own id, and a stored first message is an {@code _id}
   * look-up away.
   */
  public Future<Void> start() {
    return conversations
        .all()
        .compose(
            all -> {
              all.forEach(c -> hold(slot(c.id()), Conversation.restore(c)));
              return careLeavers.all();
            })
        .compose(
            people -> {
              Future<Void> chain = Future.succeededFuture();
              for (var person : people) {
                if (!slots.containsKey(person.id())) {
                  chain = chain.compose(v -> messages.find(person.id(), List.of(1L)))
                      .compose(first -> first.isEmpty() ? Future.succeededFuture() : conversation(person.id()).mapEmpty());
                }
              }
              return chain;
            })
        .onSuccess(v -> LOG.info("Chat ready with {} conversations", slots.size()));
  }

  /**
   * Stores a message and acknowledges it only once the store has it. A new message takes one from
   * the sender's {@code allowance}; a resend of a stored client id is acked again and never
   * refused for the allowance, so an outbox flushed after an outage always gets its acks.
   */
  public Future<Message> send(SignedIn sender, SendCommand command, RateLimiter allowance) {
    if (command.kind().staffOnly() && !sender.role().isStaff()) {
      return Future.failedFuture(HarbourException.forbidden("Only staff can add private notes."));
    }
    if (command.kind() == MessageKind.CARD && !sender.role().isStaff()) {
      return Future.failedFuture(HarbourException.forbidden("Only staff can send cards."));
    }
    return slot(command.conversationId())
        .enqueue(slot -> ensureLoaded(slot, command.conversationId()).compose(conv -> append(slot, sender, command, allowance, true)))
        .compose(stored -> durability.afterWrite().map(stored))
        .map(
            stored -> {
              if (stored.fresh()) {
                published(stored.message(), stored.summary());
              }
              return stored.message();
            });
  }

  /** Adds a system or automatic message on behalf of Harbour or a staff action. */
  public Future<Message> post(String conversationId, Message draft) {
    return postIf(conversationId, conv -> List.of(draft)).map(posted -> posted.get(0));
  }

  /**
   * Decides inside the conversation's ordered chain which messages to add, then stores them in
   * order: routing decisions see exactly the state they change, never a stale copy.
   */
  public Future<List<Message>> postIf(String conversationId, Function<Conversation, List<Message>> decide) {
    return slot(conversationId)
        .enqueue(slot -> ensureLoaded(slot, conversationId).compose(conv -> insertAll(slot, decide.apply(conv), new ArrayList<>())))
        .compose(stored -> durability.afterWrite().map(stored))
        .map(
            stored -> {
              stored.forEach(s -> published(s.message(), s.summary()));
              return stored.stream().map(Stored::message).toList();
            });
  }

  private Future<List<Stored>> insertAll(ConversationSlot slot, List<Message> drafts, List<Stored> done) {
    if (done.size() == drafts.size()) {
      return Future.succeededFuture(done);
    }
    Conversation conv = slot.state();
    Message next = drafts.get(done.size()).placed(conv.lastSeq() + 1, Math.max(conv.episode(), 1));
    return insert(slot, next).compose(stored -> {
      done.add(stored);
      return insertAll(slot, drafts, done);
    });
  }

  /** Tells listeners (routing) about a message once it is stored and delivered. */
  public void onStored(Consumer<Message> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  private void published(Message message, JsonObject summary) {
    delivery.message(message, summary);
    for (Consumer<Message> listener : listeners) {
      try {
        listener.accept(message);
      } catch (RuntimeException e) {
        LOG.error("A stored-message listener failed", e);
      }
    }
  }

  private record Stored(Message message, JsonObject summary, boolean fresh) {}

  /** {@code allowance} is null on the retry after a seq clash: that message was charged already. */
  private Future<Stored> append(ConversationSlot slot, SignedIn sender, SendCommand command, RateLimiter allowance, boolean retry) {
    Conversation conv = slot.state();
    if (!ChatAccess.canRead(sender, conv) || (command.kind().staffOnly() && !ChatAccess.canManage(sender, conv))) {
      return Future.failedFuture(notYours());
    }
    Optional<Message> resent = slot.recent(sender.id(), command.clientId());
    if (resent.isPresent()) {
      return Future.succeededFuture(new Stored(resent.get(), ServerFrames.summary(conv), false));
    }
    long wait = allowance == null ? 0 : allowance.tryAcquire(sender.id());
    if (wait > 0) {
      // Past the allowance only a resend older than the recent ones is answered: the store's index says.
      return messages
          .findByClientId(conv.id(), sender.id(), command.clientId())
          .compose(found -> found.isPresent()
              ? Future.succeededFuture(new Stored(found.get(), ServerFrames.summary(slot.state()), false))
              : Future.failedFuture(new RateLimitedException(wait)));
    }
    Message message =
        new Message(
            conv.id(),
            conv.lastSeq() + 1,
            conv.episodeFor(sender.role()),
            command.kind(),
            command.text(),
            sender.id(),
            sender.role(),
            sender.displayName(),
            command.clientId(),
            clock.instant(),
            command.card(),
            null);
    return insert(slot, message)
        .recover(
            e -> {
              if (!(e instanceof DuplicateMessageException duplicate)) {
                return Future.failedFuture(e);
              }
              if (duplicate.kind() == Duplicate.CLIENT_ID) {
                return messages
                    .findByClientId(conv.id(), sender.id(), command.clientId())
                    .map(found -> new Stored(found.orElseThrow(), ServerFrames.summary(slot.state()), false));
              }
              // Another writer took this seq (a previous run, or another node): catch up and try once more.
              return retry ? catchUp(slot).compose(v -> append(slot, sender, command, null, false)) : Future.failedFuture(e);
            });
  }

  private Future<Stored> insert(ConversationSlot slot, Message message) {
    return messages
        .insert(message)
        .map(
            v -> {
              fold(slot.state(), message);
              slot.remember(message);
              save(slot);
              return new Stored(message, ServerFrames.summary(slot.state()), true);
            });
  }

  /** Hands the conversation to another adviser, with an optional private handover note. */
  public Future<Message> transfer(SignedIn staff, String conversationId, String to, String toName, Optional<String> note) {
    return manageable(staff, conversationId)
        .compose(
            conv ->
                note.map(text -> post(conversationId, system(conversationId, staff, MessageKind.NOTE, text, null))).orElse(Future.succeededFuture()))
        .compose(
            v ->
                post(
                    conversationId,
                    system(
                        conversationId,
                        staff,
                        MessageKind.SYSTEM,
                        "You are now talking with " + StaffAccount.firstName(toName) + ".",
                        ConversationEvent.Transferred.byStaff(to, staff.id()))));
  }

  /**
   * A staff member answers an escalation alert ("I have it", which stops the alerts and, for an
   * adviser, takes the conversation) or picks up their next-day handover item.
   */
  public Future<List<Message>> acknowledge(SignedIn staff, String conversationId) {
    return postIf(
        conversationId,
        conv -> {
          if (!ChatAccess.canManage(staff, conv)) {
            throw notYours();
          }
          List<Message> out = new ArrayList<>();
          if (conv.escalationLevel() > 0 && conv.acknowledgedBy() == null) {
            out.add(system(conversationId, staff, MessageKind.ALERT, staff.displayName() + " acknowledged the alert.",
                new ConversationEvent.Acknowledged(staff.id())));
            if (staff.role() == Role.ADVISER && !staff.id().equals(conv.assignedTo())) {
              out.add(system(conversationId, staff, MessageKind.SYSTEM, "You are now talking with " + StaffAccount.firstName(staff.displayName()) + ".",
                  new ConversationEvent.Assigned(staff.id(), "acknowledged")));
            }
          }
          if (conv.paHandoverPending() && staff.id().equals(conv.paUsername())) {
            out.add(system(conversationId, staff, MessageKind.ALERT, staff.displayName() + " picked up the handover.",
                new ConversationEvent.HandoverDone(staff.id())));
          }
          if (out.isEmpty()) {
            throw HarbourException.badRequest("nothing_to_acknowledge", "There is no alert or handover to acknowledge.");
          }
          return out;
        });
  }

  /**
   * Marks a conversation urgent (its waits escalate after the urgent SLA) or normal again. A
   * staff-only record: the young person is not told they were flagged.
   */
  public Future<List<Message>> prioritise(SignedIn staff, String conversationId, String priority) {
    return postIf(
        conversationId,
        conv -> {
          if (!ChatAccess.canManage(staff, conv)) {
            throw notYours();
          }
          if (priority.equals(conv.priority())) {
            return List.of();
          }
          return List.of(system(conversationId, staff, MessageKind.ALERT, staff.displayName() + " marked this conversation " + priority + ".",
              new ConversationEvent.PriorityChanged(priority, staff.id())));
        });
  }

  /** Closes the episode; the care leaver's next message opens a new one. */
  public Future<Message> resolve(SignedIn staff, String conversationId) {
    return manageable(staff, conversationId)
        .compose(
            conv ->
                post(
                    conversationId,
                    system(
                        conversationId,
                        staff,
                        MessageKind.SYSTEM,
                        StaffAccount.firstName(staff.displayName()) + " marked this conversation as resolved. Send a message any time to start again.",
                        new ConversationEvent.Resolved(staff.id()))));
  }

  private Future<Conversation> manageable(SignedIn staff, String conversationId) {
    return conversation(conversationId)
        .compose(
            conv ->
                ChatAccess.canManage(staff, conv)
                    ? Future.succeededFuture(conv)
                    : Future.failedFuture(notYours()));
  }

  private Message system(String conversationId, SignedIn by, MessageKind kind, String text, ConversationEvent event) {
    return new Message(conversationId, 0, 1, kind, text, by.id(), by.role(), by.displayName(), null, clock.instant(), null, event);
  }

  /**
   * One page of a resume: the messages the reader may see with {@code afterSeq < seq <=
   * throughSeq}, at most {@link #PAGE} seqs of them, oldest first. Access is checked for every
   * page, so a resume stops when the reader loses the conversation.
   */
  public Future<List<Message>> resume(SignedIn reader, String conversationId, long afterSeq, long throughSeq) {
    return readable(reader, conversationId)
        .compose(
            conv -> {
              long end = Math.min(conv.lastSeq(), throughSeq);
              if (afterSeq >= end) {
                return Future.succeededFuture(List.<Message>of());
              }
              long from = Math.max(afterSeq, 0) + 1;
              return fetch(reader, conversationId, from, Math.min(end, from + PAGE - 1));
            });
  }

  /** Up to {@code limit} messages before {@code beforeSeq}, oldest first. */
  public Future<List<Message>> history(SignedIn reader, String conversationId, long beforeSeq, int limit) {
    return readable(reader, conversationId)
        .compose(
            conv -> {
              long to = Math.min(beforeSeq - 1, conv.lastSeq());
              long from = Math.max(1, to - limit + 1);
              return from > to ? Future.succeededFuture(List.<Message>of()) : fetch(reader, conversationId, from, to);
            });
  }

  private Future<List<Message>> fetch(SignedIn reader, String conversationId, long from, long to) {
    List<Long> seqs = LongStream.rangeClosed(from, to).boxed().toList();
    return messages
        .find(conversationId, seqs)
        .map(found -> reader.role().isStaff() ? found : found.stream().filter(m -> !m.kind().staffOnly()).map(Message::forCareLeaver).toList());
  }

  /**
   * Someone else's conversation answers exactly like one that does not exist (404 or the error
   * frame {@code not_found}), over HTTP and the socket, so ids cannot be probed for which young
   * people exist.
   */
  private static HarbourException notYours() {
    return HarbourException.notFound("No such conversation.");
  }

  public Future<Conversation> readable(SignedIn reader, String conversationId) {
    return conversation(conversationId)
        .compose(
            conv ->
                ChatAccess.canRead(reader, conv)
                    ? Future.succeededFuture(conv)
                    : Future.failedFuture(notYours()));
  }

  /** The conversation, loaded (and caught up with the message store) if needed. */
  public Future<Conversation> conversation(String conversationId) {
    ConversationSlot slot = slot(conversationId);
    if (Boolean.TRUE.equals(loaded.get(conversationId)) && slot.state() != null) {
      return Future.succeededFuture(slot.state());
    }
    return slot.enqueue(s -> ensureLoaded(s, conversationId));
  }

  public Future<Void> markRead(SignedIn reader, String conversationId, long seq) {
    return slot(conversationId)
        .enqueue(slot -> ensureLoaded(slot, conversationId))
        .compose(
            conv -> {
              if (!ChatAccess.canRead(reader, conv)) {
                return Future.failedFuture(notYours());
              }
              if (reader.role() == Role.CARE_LEAVER) {
                conv.markReadByCareLeaver(seq);
              } else {
                conv.markReadByStaff(seq);
              }
              save(slot(conversationId));
              delivery.read(conversationId, seq, reader.role(), ServerFrames.summary(conv));
              return Future.succeededFuture();
            });
  }

  /** Open conversations this staff member may see: waiting first, longest wait first. */
  public List<Conversation> queue(SignedIn staff) {
    List<Conversation> open = new ArrayList<>();
    for (ConversationSlot slot : slots.values()) {
      Conversation conv = slot.state();
      boolean handoverForMe = conv != null && conv.paHandoverPending() && staff.id().equals(conv.paUsername());
      if (conv != null && (conv.status() != ConversationStatus.RESOLVED || handoverForMe) && ChatAccess.canRead(staff, conv)) {
        open.add(conv);
      }
    }
    open.sort(
        Comparator.comparing((Conversation c) -> c.status() != ConversationStatus.WAITING)
            .thenComparing(c -> c.waitingSince() == null ? c.lastMessageAt() : c.waitingSince(), Comparator.nullsLast(Comparator.naturalOrder())));
    return open;
  }

  /** The conversation as held in memory right now, without loading it. */
  public Optional<Conversation> peek(String conversationId) {
    ConversationSlot slot = slots.get(conversationId);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.state());
  }

  /** Every conversation held in memory (all of them: they are loaded at start), for routing sweeps. */
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

  /** Makes sure the slot holds the conversation, caught up with every stored message. */
  private Future<Conversation> ensureLoaded(ConversationSlot slot, String conversationId) {
    if (Boolean.TRUE.equals(loaded.get(conversationId)) && slot.state() != null) {
      return Future.succeededFuture(slot.state());
    }
    Future<Conversation> base =
        slot.state() != null
            ? Future.succeededFuture(slot.state())
            : conversations.find(conversationId).compose(found -> found.map(Conversation::restore).map(Future::succeededFuture).orElseGet(() -> fresh(conversationId)));
    return base.compose(
        conv -> {
          hold(slot, conv);
          return catchUp(slot).compose(v -> rememberRecent(slot)).map(v -> {
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

  /** Replays any stored messages newer than the snapshot (the snapshot is written after the ack). */
  private Future<Void> catchUp(ConversationSlot slot) {
    Conversation conv = slot.state();
    long from = conv.lastSeq() + 1;
    List<Long> seqs = LongStream.range(from, from + 64).boxed().toList();
    return messages
        .find(conv.id(), seqs)
        .compose(
            found -> {
              found.forEach(
                  m -> {
                    fold(conv, m);
                    slot.remember(m);
                  });
              if (!found.isEmpty()) {
                save(slot);
              }
              return found.size() == seqs.size() ? catchUp(slot) : Future.succeededFuture();
            });
  }

  private Future<Void> rememberRecent(ConversationSlot slot) {
    Conversation conv = slot.state();
    long to = conv.lastSeq();
    long from = Math.max(1, to - 255);
    if (to < 1) {
      return Future.succeededFuture();
    }
    return messages.find(conv.id(), LongStream.rangeClosed(from, to).boxed().toList()).map(found -> {
      found.forEach(slot::remember);
      return null;
    });
  }

  /**
   * Writes the snapshot a moment behind the ack, folding every change in that moment into one
   * write: the messages are the truth, and a snapshot that is behind is caught up from them.
   */
  private void save(ConversationSlot slot) {
    if (slot.requestSave()) {
      vertx.setTimer(SNAPSHOT_DELAY_MS, id -> writeSnapshot(slot));
    }
  }

  private void writeSnapshot(ConversationSlot slot) {
    conversations
        .save(slot.state().state())
        .onFailure(e -> LOG.warn("Conversation snapshot not saved; it will be rebuilt from messages", e))
        .onComplete(
            r -> {
              if (slot.saveFinished()) {
                vertx.setTimer(SNAPSHOT_DELAY_MS, id -> writeSnapshot(slot));
              }
            });
  }
}
