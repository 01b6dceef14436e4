package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.OnCaller;
import uk.harbour.chat.MessageRepository.Duplicate;
import uk.harbour.chat.MessageRepository.DuplicateMessageException;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;

/**
 * Sends and reads. A message is stored in its conversation's ordered chain ({@link
 * ConversationLog}), acknowledged once the store says it is durable, then delivered and told to
 * listeners (routing); reads check access first ({@link ConversationReads}).
 */
public final class ChatService implements ConversationPosts {

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  static final int PAGE = 200;
  /**
   * Tries at a seq before giving up: each refused try means another node wrote to the conversation
   * in the moment between catching up and writing; the pauses between tries grow
   * ({@link ConversationLog#catchUpAfterClash}), so even two nodes writing bursts into one
   * conversation get through well within these.
   */
  static final int WRITE_ATTEMPTS = 12;

  private final ConversationLog log;
  private final MessageRepository messages;
  private final ChatDelivery delivery;
  private final ConversationSync sync;
  private final Clock clock;
  private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
  private final ConversationReads reads;

  public ChatService(ConversationLog log, MessageRepository messages, ChatDelivery delivery, ConversationSync sync, Clock clock) {
    this.log = Objects.requireNonNull(log);
    this.messages = Objects.requireNonNull(messages);
    this.delivery = Objects.requireNonNull(delivery);
    this.sync = Objects.requireNonNull(sync);
    this.clock = Objects.requireNonNull(clock);
    this.reads = new ConversationReads(this::conversation, messages);
  }

  /** A message in the chain's hands: {@code summary} as it stood then; delivered and announced only when {@code announce}. */
  private record Sent(Message message, JsonObject summary, boolean announce) {}

  /**
   * Stores a message and acknowledges it only once the store has it durably. A new message takes
   * one from the sender's {@code allowance}; a resend of a stored client id is acked again and
   * never refused for the allowance, so an outbox flushed after an outage always gets its acks.
   */
  public Future<Message> send(SignedIn sender, SendCommand command, RateLimiter allowance) {
    if (command.kind().staffOnly() && !sender.role().isStaff()) {
      return Future.failedFuture(HarbourException.forbidden("Only staff can add private notes."));
    }
    if (command.kind() == MessageKind.CARD && !sender.role().isStaff()) {
      return Future.failedFuture(HarbourException.forbidden("Only staff can send cards."));
    }
    return OnCaller.answer(log.inOrder(command.conversationId(), conv -> accept(conv, sender, command, allowance, WRITE_ATTEMPTS))
        // Outside the chain: the conversation's next message is written while this one's commit runs.
        .compose(sent -> messages.durable().map(sent))
        .map(
            sent -> {
              if (sent.announce()) {
                published(sent.message(), sent.summary());
              }
              return sent.message();
            }));
  }

  /** {@code allowance} is null on a retry after a seq clash: that message was charged already. */
  private Future<Sent> accept(Conversation conv, SignedIn sender, SendCommand command, RateLimiter allowance, int attempts) {
    if (!ChatAccess.canRead(sender, conv) || (command.kind().staffOnly() && !ChatAccess.canManage(sender, conv))) {
      return Future.failedFuture(notYours());
    }
    // A resend is usually of a message sent moments ago, which the repository's cache still holds.
    Optional<Message> resent = messages.recentByClientId(conv.id(), sender.id(), command.clientId());
    if (resent.isPresent()) {
      return Future.succeededFuture(resent(conv, resent.get()));
    }
    long wait = allowance == null ? 0 : allowance.tryAcquire(sender.id());
    if (wait > 0) {
      // Past the allowance only a resend older than the recent ones is answered: the store's index says.
      return messages
          .findByClientId(conv.id(), sender.id(), command.clientId())
          .compose(found -> found.isPresent()
              ? Future.succeededFuture(resent(conv, found.get()))
              : Future.failedFuture(new RateLimitedException(wait)));
    }
    Message message =
        new Message(
            conv.id(), conv.lastSeq() + 1, conv.episodeFor(sender.role()), command.kind(), command.text(), sender.id(), sender.role(),
            sender.displayName(), command.clientId(), clock.instant(), command.card(), null);
    return store(conv, message)
        .recover(
            e -> {
              if (!(e instanceof DuplicateMessageException duplicate)) {
                return Future.failedFuture(e);
              }
              if (duplicate.kind() == Duplicate.CLIENT_ID) {
                // Stored before, perhaps by a node that died before telling this one: catch up past it.
                return messages
                    .findByClientId(conv.id(), sender.id(), command.clientId())
                    .compose(found -> found.orElseThrow().seq() > conv.lastSeq() ? log.catchUp(conv).map(found) : Future.succeededFuture(found))
                    .map(found -> resent(conv, found.orElseThrow()));
              }
              // Another writer took this seq (a previous run, or another node): catch up and try again.
              return attempts > 1
                  ? log.catchUpAfterClash(conv, WRITE_ATTEMPTS - attempts + 1).compose(v -> accept(conv, sender, command, null, attempts - 1))
                  : Future.failedFuture(e);
            });
  }

  /**
   * A resend of a stored message, announced again while it is part of the young person's unanswered
   * wait: whoever stored it may have died, or its commit failed, before announcing it, and then
   * nobody would hear of the wait. Every listener takes a message twice without harm.
   */
  private static Sent resent(Conversation conv, Message message) {
    boolean unanswered = message.fromCareLeaver() && conv.awaitingReply() && !message.createdAt().isBefore(conv.waitingSince());
    return new Sent(message, unanswered ? ServerFrames.summary(conv) : null, unanswered);
  }

  private Future<Sent> store(Conversation conv, Message message) {
    return log.append(conv, message).map(v -> new Sent(message, ServerFrames.summary(conv), true));
  }

  /** Adds a system or automatic message on behalf of Harbour or a staff action. */
  public Future<Message> post(String conversationId, Message draft) {
    return postIf(conversationId, conv -> List.of(draft)).map(posted -> posted.get(0));
  }

  @Override
  public Future<List<Message>> postIf(String conversationId, Function<Conversation, List<Message>> decide) {
    return OnCaller.answer(log.inOrder(conversationId, conv -> decideAndStore(conv, decide, WRITE_ATTEMPTS))
        .compose(sent -> messages.durable().map(sent))
        .map(
            sent -> {
              sent.forEach(s -> published(s.message(), s.summary()));
              return sent.stream().map(Sent::message).toList();
            }));
  }

  /**
   * Stores what {@code decide} chose. If another node wrote to the conversation first (a seq clash
   * before anything was stored), the conversation is caught up and the decision made again on what
   * is now there, so a decision never rests on a stale copy; after a clash later in the list, the
   * rest already decided goes after what the other node wrote.
   */
  private Future<List<Sent>> decideAndStore(Conversation conv, Function<Conversation, List<Message>> decide, int attempts) {
    List<Sent> done = new ArrayList<>();
    return storeAll(conv, decide.apply(conv), done, attempts)
        .recover(e -> seqTaken(e) && done.isEmpty() && attempts > 1
            ? log.catchUpAfterClash(conv, WRITE_ATTEMPTS - attempts + 1).compose(v -> decideAndStore(conv, decide, attempts - 1))
            : Future.failedFuture(e));
  }

  private Future<List<Sent>> storeAll(Conversation conv, List<Message> drafts, List<Sent> done, int attempts) {
    if (done.size() == drafts.size()) {
      return Future.succeededFuture(done);
    }
    Message next = drafts.get(done.size()).placed(conv.lastSeq() + 1, Math.max(conv.episode(), 1));
    return store(conv, next)
        .compose(sent -> {
          done.add(sent);
          return storeAll(conv, drafts, done, attempts);
        }, e -> seqTaken(e) && !done.isEmpty() && attempts > 1
            ? log.catchUpAfterClash(conv, WRITE_ATTEMPTS - attempts + 1).compose(v -> storeAll(conv, drafts, done, attempts - 1))
            : Future.failedFuture(e));
  }

  private static boolean seqTaken(Throwable e) {
    return e instanceof DuplicateMessageException duplicate && duplicate.kind() == Duplicate.SEQ;
  }

  @Override
  public void onStored(Consumer<Message> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  private void published(Message message, JsonObject summary) {
    delivery.message(message, summary);
    sync.stored(message);
    for (Consumer<Message> listener : listeners) {
      try {
        listener.accept(message);
      } catch (RuntimeException e) {
        LOG.error("A stored-message listener failed", e);
      }
    }
  }

  /** One page of a resume, checked for access ({@link ConversationReads#resume}). */
  public Future<List<Message>> resume(SignedIn reader, String conversationId, long afterSeq, long throughSeq) {
    return OnCaller.answer(reads.resume(reader, conversationId, afterSeq, throughSeq));
  }

  /** Up to {@code limit} messages before {@code beforeSeq}, oldest first, checked for access. */
  public Future<List<Message>> history(SignedIn reader, String conversationId, long beforeSeq, int limit) {
    return OnCaller.answer(reads.history(reader, conversationId, beforeSeq, limit));
  }

  @Override
  public Future<List<Message>> latest(String conversationId, int limit) {
    return OnCaller.answer(reads.latest(conversationId, limit));
  }

  /** The conversation if the reader may read it, else {@link #notYours()}. */
  public Future<Conversation> readable(SignedIn reader, String conversationId) {
    return OnCaller.answer(reads.readable(reader, conversationId));
  }

  /**
   * Someone else's conversation answers exactly like one that does not exist (404 or the error
   * frame {@code not_found}), over HTTP and the socket, so ids cannot be probed for which young
   * people exist.
   */
  static HarbourException notYours() {
    return HarbourException.notFound("No such conversation.");
  }

  /** Moves the reader's read receipt on; the other side is told. */
  public Future<Void> markRead(SignedIn reader, String conversationId, long seq) {
    return OnCaller.answer(log.inOrder(
        conversationId,
        conv -> {
          if (!ChatAccess.canRead(reader, conv)) {
            return Future.failedFuture(notYours());
          }
          if (reader.role() == Role.CARE_LEAVER) {
            conv.markReadByCareLeaver(seq);
          } else {
            conv.markReadByStaff(seq);
          }
          log.changed(conv);
          delivery.read(conversationId, seq, reader.role(), ServerFrames.summary(conv));
          sync.read(conversationId, seq, reader.role());
          return Future.succeededFuture();
        }));
  }

  /** This staff member's queue ({@link StaffQueue}). */
  public List<Conversation> queue(SignedIn staff) {
    return StaffQueue.of(staff, log.conversations());
  }

  @Override
  public Future<Conversation> conversation(String conversationId) {
    return OnCaller.answer(log.conversation(conversationId));
  }

  @Override
  public Future<Void> catchUpWithStore() {
    return OnCaller.answer(log.catchUpWithStore());
  }

  /** At a graceful stop, before the store closes: snapshots up to date, so the next start catches nothing up. */
  public Future<Void> writeSnapshotsNow() {
    return OnCaller.answer(log.writeSnapshotsNow());
  }

  @Override
  public Optional<Conversation> peek(String conversationId) {
    return log.peek(conversationId);
  }

  @Override
  public List<Conversation> conversations() {
    return log.conversations();
  }

  @Override
  public Future<List<ConversationSummary>> summaries() {
    return OnCaller.answer(log.summaries());
  }

  @Override
  public long assignmentChanges() {
    return log.assignmentChanges();
  }
}
