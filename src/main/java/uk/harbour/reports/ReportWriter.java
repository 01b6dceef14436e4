package uk.harbour.reports;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.InTurn;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationSummary;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageRepository;

/**
 * Keeps the episode records and roll-ups up to date as messages are stored, a few seconds behind
 * (the chat core acknowledges before reports hear of a message). Every conversation's messages are
 * folded in seq order, one conversation's at a time, on this writer's own context; a message that
 * arrives after a gap (the listener hears of messages out of order now and then, and nothing while
 * Harbour is down) first has the missing ones read from the store by {@code _id}
 * ({@link ConversationFolds}). {@link #flush} writes the changed records into their days' roll-ups
 * and only then each conversation's progress, so after a crash the messages after the stored
 * progress are folded again into exactly the same records. At start only the conversations the chat core holds are caught up, unless the reports
 * may be incomplete ({@link Completeness}).
 */
public final class ReportWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  private static final int PROGRESS_BATCH = 256;
  /** Stored messages are taken in batches this often: a wake-up per message cost a system call each side. */
  private static final long TAKE_INBOX_MS = 100;

  private final ConversationPosts chat;
  private final ReportDayRepository days;
  private final ReportProgressRepository progress;
  private final Completeness completeness;
  private final List<java.util.function.Consumer<java.util.Set<String>>> flushed = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ConversationFolds folds;
  /** Stored messages the chat's loops told of, not yet taken on this writer's context. */
  private final Queue<Message> inbox = new ConcurrentLinkedQueue<>();
  private final Unwritten unwritten;
  private final Promise<CatchUp> caughtUp = Promise.promise();
  private Context context;
  private Future<Void> flushing = Future.succeededFuture();

  /**
   * A start's catch-up: how many conversations it looked at, whether those were every conversation
   * (resting history included) or only those held, and whether it completed.
   */
  public record CatchUp(int conversations, boolean everyConversation, boolean complete) {}

  public ReportWriter(
      ConversationPosts chat, MessageRepository messages, ReportDayRepository days, ReportProgressRepository progress, CoverLookup covers,
      ZoneId zone, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.days = Objects.requireNonNull(days);
    this.progress = Objects.requireNonNull(progress);
    this.completeness = new Completeness(progress, clock);
    this.unwritten = new Unwritten(zone);
    this.folds = new ConversationFolds(chat, messages, progress, covers, unwritten);
  }

  /**
   * Starts listening on the caller's context (the reports verticle's), then, once {@code serving}
   * completes, catches the conversations up with their stored messages in the background (those
   * held, or every one when the reports may be incomplete): {@link #caughtUp()} says when. Started
   * any sooner, the catch-up took the two cores from the rest of Harbour's start.
   */
  public Future<Void> start(Vertx vertx, Future<Void> serving) {
    context = vertx.getOrCreateContext();
    chat.onStored(inbox::add);
    // Set from this writer's context, so the timer fires there.
    context.runOnContext(v -> vertx.setPeriodic(TAKE_INBOX_MS, id -> takeInbox()));
    // On this writer's context, as every fold is, whichever context completes serving.
    serving.compose(v -> onContext(this::catchUpAtStart)).onComplete(r -> {
      if (r.failed()) {
        LOG.warn("Reports could not catch up with every conversation; they will as messages arrive", r.cause());
        completeness.foldFailed();
        flush().onComplete(f -> caughtUp.tryComplete(new CatchUp(0, false, false)));
      } else {
        LOG.info("Reports caught up with {} conversations ({})", r.result().conversations(),
            r.result().everyConversation() ? "every one, resting history included" : "those held: the reports were complete");
        caughtUp.tryComplete(r.result());
      }
    });
    return Future.succeededFuture();
  }

  /**
   * Folds the conversations the start must look at ({@link Completeness}), writes them, then records
   * the reports complete as of when it began.
   */
  private Future<CatchUp> catchUpAtStart() {
    Instant began = completeness.now();
    return teamsRecorded().compose(v -> completeness.everyConversationNeeded(began))
        .compose(every -> (every ? chat.summaries() : Future.succeededFuture(held()))
            .compose(list -> catchUpAll(list)
                .compose(v -> flush())
                .compose(v -> completeness.caughtUp(began))
                .map(v -> new CatchUp(list.size(), every, true))));
  }

  /**
   * Records the team of every conversation, resting history included, when the roll-ups name no
   * teams yet (a store written before they did, or whose roll-ups were dropped): every team report
   * reads those teams. Once per store; after that each flush adds its days' teams.
   */
  private Future<Void> teamsRecorded() {
    return days.teams().compose(stored -> stored.isPresent() ? Future.succeededFuture()
        : chat.summaries().compose(all -> days.addTeams(all.stream().map(c -> c.team() == null ? "" : c.team()).collect(Collectors.toSet()))));
  }

  /** Completes once the start's catch-up is done (or has given up, {@link CatchUp#complete()} false). */
  public Future<CatchUp> caughtUp() {
    return caughtUp.future();
  }

  /** Told the day roll-ups ({@code _id}s) each flush wrote, once written: readers drop what they kept of those days. */
  public void onFlushed(java.util.function.Consumer<java.util.Set<String>> listener) {
    flushed.add(listener);
  }

  /** Folds every stored message of this conversation not yet folded (a conversation written outside the chat core: the demo's history). */
  public Future<Void> catchUp(String conversationId) {
    return onContext(() -> chat.conversation(conversationId).compose(conv -> folds.upTo(conversationId, conv.lastSeq()))
        .onFailure(e -> completeness.foldFailed()));
  }

  /**
   * Folds what other nodes stored (clustered mode): this writer hears only this node's messages,
   * but the conversation log is kept in step with every node, so any conversation it knows to be
   * further on than its fold is read from the store. In memory only, unless something is behind.
   */
  public Future<Void> catchUpBehind() {
    return onContext(() -> {
      List<Future<Void>> behind = new ArrayList<>();
      for (Conversation conv : chat.conversations()) {
        if (Math.max(folds.heldSeq(conv.id()), 0) < conv.lastSeq()) {
          behind.add(folds.upTo(conv.id(), conv.lastSeq()));
        }
      }
      return Future.join(behind).onFailure(e -> completeness.foldFailed()).mapEmpty();
    });
  }

  /**
   * Writes what changed since the last flush; the reports verticle calls it every few seconds, tests
   * directly. Fails when the store did not take it (it is written at the next flush).
   */
  public Future<Void> flush() {
    return onContext(() -> {
      takeInbox();
      flushing = flushing.transform(r -> flushNow());
      return flushing;
    });
  }

  private void takeInbox() {
    for (Message message = inbox.poll(); message != null; message = inbox.poll()) {
      heard(message);
    }
  }

  private void heard(Message message) {
    folds.message(message).onFailure(e -> {
      completeness.foldFailed();
      LOG.warn("A message was not folded into the reports yet; the next one or a restart catches up", e);
    });
  }

  private List<ConversationSummary> held() {
    return chat.conversations().stream().map(ConversationSummary::of).toList();
  }

  /**
   * Folds each of {@code all} up to its last message: every conversation, resting history
   * included (from the snapshots, without loading it), when the reports may be incomplete.
   */
  private Future<Void> catchUpAll(List<ConversationSummary> all) {
    List<List<ConversationSummary>> batches = new ArrayList<>();
    for (int i = 0; i < all.size(); i += PROGRESS_BATCH) {
      batches.add(all.subList(i, Math.min(all.size(), i + PROGRESS_BATCH)));
    }
    // In turn, not a compose chain built in a loop: with a million conversations its links would overflow the stack.
    return InTurn.forEach(batches, batch -> progress.find(batch.stream().map(ConversationSummary::id).toList())
        .compose(stored -> Future.join(catchUpBatch(batch, stored)).<Void>mapEmpty())
        .compose(v -> flush()));
  }

  /** Folds those of {@code batch} behind their last message; the others get no fold in memory until their next message. */
  private List<Future<Void>> catchUpBatch(List<ConversationSummary> batch, Map<String, ConversationFold.Progress> stored) {
    List<Future<Void>> done = new ArrayList<>();
    for (ConversationSummary conv : batch) {
      ConversationFold.Progress p = stored.get(conv.id());
      long held = folds.heldSeq(conv.id());
      long seq = held >= 0 ? held : p == null ? 0 : p.seq();
      if (seq < conv.lastSeq()) {
        folds.holdFrom(conv, p);
        done.add(folds.upTo(conv.id(), conv.lastSeq()));
      }
    }
    return done;
  }

  /** Fails when the records were not written: they stay queued for the next flush. */
  private Future<Void> flushNow() {
    Instant began = completeness.now();
    if (unwritten.isEmpty()) {
      return completeness.flushed(began);
    }
    Unwritten.Batch batch = unwritten.take();
    // Records first, then the watermark: a crash in between folds those messages again, into the same records.
    return days.save(batch.days())
        .compose(v -> progress.save(batch.marks()))
        .onSuccess(v -> flushed.forEach(listener -> listener.accept(batch.dayIds())))
        .recover(e -> {
          LOG.warn("Report records not written; they will be at the next flush", e);
          unwritten.putBack(batch);
          return Future.failedFuture(e);
        })
        .compose(v -> completeness.flushed(began));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    if (context == null) {
      return Future.failedFuture(new IllegalStateException("the report writer has not started"));
    }
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }
}
