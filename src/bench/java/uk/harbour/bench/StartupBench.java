package uk.harbour.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.Role;
import uk.harbour.store.Durability;
import uk.harbour.store.MongoActiveConversationRepository;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.embedded.EmbeddedStore;

/**
 * ops/bench --startup: how long Harbour takes from process start to ready. A first run seeds a
 * fresh store (demo accounts, passphrases hashed); then it restarts on that store, writes
 * {@code --care-leavers} care leavers with a conversation each straight into it while it is
 * stopped (all but {@code --open} of them resolved: a store that is mostly history), and restarts
 * on the store that now holds them, every restart {@code --repeat} times; then it has
 * {@code --repeat} crashes leave {@link #CRASHED} conversations each behind their snapshot, with
 * the reports complete, and starts after each.
 */
final class StartupBench {

  private static final Instant START = Instant.parse("2026-01-05T18:00:00Z");
  private static final int WINDOW = 4096;
  /** Resolved conversations with a young person's message stored after their snapshot. */
  static final int LATE = 10;
  /** Conversations each crash leaves behind their snapshot, as many as the preload's first start catches up. */
  static final int CRASHED = 310;

  /** More than the chat's snapshot delay (SnapshotWriter, 2 s). */
  private static final long SNAPSHOTS_WRITTEN_MS = 3000;

  private StartupBench() {}

  static void run(BenchOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      measure(vertx, options);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void measure(Vertx vertx, BenchOptions options) throws Exception {
    BenchServer fresh = BenchServer.start();
    Path data = fresh.dataDir;
    print("fresh store (seeds demo data)", fresh.startup, stopQuiet(fresh));
    double worstEmpty = restarts(data, options.repeat(), "existing store, demo data only");
    long preloadStart = System.nanoTime();
    int open = Math.min(options.open(), options.careLeavers());
    int written = preload(vertx, data.resolve("harbour.mv.db"), options.careLeavers(), open);
    System.out.printf("stored %d care leavers with a conversation each in %.1f s: %d open, caught up at start; %d resolved, of which %d with a message after their snapshot%n",
        written, (System.nanoTime() - preloadStart) / 1e9, open, written - open, Math.min(LATE, written - open));
    double worstFull = restarts(data, options.repeat(), "existing store, " + written + " conversations");
    // Crashes with the reports complete, as a running service meets them: each start has its own conversations to catch up.
    double worstCrash = 0;
    int perCrash = Math.min(CRASHED, (written - open - LATE) / options.repeat());
    for (int i = 0; i < options.repeat() && perCrash > 0; i++) {
      crash(vertx, data.resolve("harbour.mv.db"), LATE + i * perCrash, perCrash);
      worstCrash = Math.max(worstCrash, restarts(data, 1, "after a crash, " + perCrash + " resolved conversations with a new message after their snapshot"));
    }
    fresh.deleteData();
    System.out.printf("fresh_ms=%.0f worst_existing_ms=%.0f conversations=%d worst_with_conversations_ms=%.0f worst_after_crash_ms=%.0f%n",
        fresh.startup.seenMs(), worstEmpty, written, worstFull, worstCrash);
  }

  /** Restarts on {@code data} {@code times} times; the worst time from process start to ready. */
  private static double restarts(Path data, int times, String what) throws Exception {
    double worst = 0;
    for (int i = 0; i < times; i++) {
      BenchServer server = BenchServer.start(data, false);
      print(what, server.startup, stopQuiet(server));
      worst = Math.max(worst, server.startup.seenMs());
    }
    return worst;
  }

  /**
   * Stops the server as a quiet one would be stopped: after routing's first sweep and the reports'
   * catch-up (both run after ready) and the snapshots of what the sweep changed, so the next start
   * is a restart, not one after a crash.
   */
  private static AfterReady stopQuiet(BenchServer server) throws Exception {
    try {
      long sweepMs = server.firstSweepMs.get(120, TimeUnit.SECONDS);
      // Stopped before, the reports would not be marked complete, and every start would fold all of history again.
      String reports = server.reportsCaughtUp.get(600, TimeUnit.SECONDS);
      Thread.sleep(SNAPSHOTS_WRITTEN_MS);
      return new AfterReady(sweepMs, reports);
    } finally {
      server.close();
    }
  }

  /** What a start does after ready: routing's first sweep (its ms) and the reports' catch-up (when, over how many). */
  private record AfterReady(long firstSweepMs, String reports) {}

  private static void print(String what, BenchServer.Startup startup, AfterReady after) {
    System.out.printf("%s: ready %.0f ms after the process started (the server's own count %d ms), %d conversations in memory, %d of them caught up;"
        + " routing's first sweep then took %d ms; the reports caught up %s%n",
        what, startup.seenMs(), startup.serverMs(), startup.conversations(), startup.caughtUp(), after.firstSweepMs(), after.reports());
  }

  /**
   * Writes care leavers and their conversations through the production repositories, as a store
   * that is mostly history looks: all but {@code open} conversations resolved (a message, a reply,
   * the resolve, snapshot), the last {@code open} left open with the reply stored after their
   * snapshot (caught up at start), and {@link #LATE} resolved ones with a young person's message
   * stored after their snapshot, as a crash just after it leaves them (caught up and routed).
   */
  private static int preload(Vertx vertx, Path file, int careLeavers, int open) {
    try (EmbeddedStore store = EmbeddedStore.start(file)) {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "harbour").put("maxPoolSize", 16));
      try {
        MongoMessageRepository messages = new MongoMessageRepository(mongo, Durability.none());
        MongoConversationRepository conversations = new MongoConversationRepository(mongo);
        MongoCareLeaverRepository people = new MongoCareLeaverRepository(mongo, Durability.none());
        MongoActiveConversationRepository marks = new MongoActiveConversationRepository(mongo);
        List<Future<?>> window = new ArrayList<>();
        for (int i = 0; i < careLeavers; i++) {
          CareLeaver person = new CareLeaver(String.format("cl-startup%07d", i), "Young" + i, LocalDate.of(2005, 6, 1), "sam", "leaving-care", true,
              Optional.of("startup" + i), Optional.empty(), START, START);
          Conversation conv = new Conversation(person.id(), person.firstName(), person.paUsername(), person.team());
          // One conversation begun every 7 minutes up to START (100,000 over 16 months, about 200 a day), as
          // history builds up; all on one day, the reports would hold one day record of 100,000 episodes.
          Instant begun = START.minus(Duration.ofMinutes(7L * (careLeavers - 1 - i)));
          List<Message> before = new ArrayList<>();
          List<Message> after = new ArrayList<>();
          before.add(next(conv, begun, person.id(), Role.CARE_LEAVER, MessageKind.TEXT, null));
          (i >= careLeavers - open ? after : before).add(next(conv, begun, "sam", Role.ADVISER, MessageKind.TEXT, null));
          if (i < careLeavers - open) {
            before.add(next(conv, begun, "sam", Role.ADVISER, MessageKind.SYSTEM, new ConversationEvent.Resolved("sam")));
            if (i < LATE) {
              after.add(next(conv, begun, person.id(), Role.CARE_LEAVER, MessageKind.TEXT, null));
            }
          }
          Conversation snapshot = new Conversation(person.id(), person.firstName(), person.paUsername(), person.team());
          before.forEach(snapshot::apply);
          // Marked active as the chat core marks a conversation before storing into it, unless it is quiet history.
          boolean active = !after.isEmpty();
          Future<Void> written = people.insert(person).compose(p -> active ? marks.mark(person.id(), START) : Future.<Void>succeededFuture());
          for (Message m : before) {
            written = written.compose(v -> messages.write(m));
          }
          written = written.compose(v -> conversations.save(snapshot.state()));
          for (Message m : after) {
            written = written.compose(v -> messages.write(m));
          }
          window.add(written);
          if (window.size() >= WINDOW) {
            ChatBench.await(Future.all(window));
            window.clear();
          }
        }
        ChatBench.await(Future.all(window));
        // History written behind the reports' back: their completeness mark (MongoReportProgressRepository)
        // goes, so the next start folds all of it once, as a first start on a store that never had reports.
        ChatBench.await(mongo.removeDocuments("report_progress", new JsonObject().put("_id", "#complete")));
        store.commit();
        return careLeavers;
      } finally {
        ChatBench.await(mongo.close());
      }
    }
  }

  /**
   * As a crash just after storing leaves them: a young person writes again into {@code count}
   * resolved conversations from the {@code from}th, each marked active first as the chat core
   * marks it, and no snapshot is written after.
   */
  private static void crash(Vertx vertx, Path file, int from, int count) {
    try (EmbeddedStore store = EmbeddedStore.start(file)) {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "harbour"));
      try {
        MongoConversationRepository conversations = new MongoConversationRepository(mongo);
        MongoMessageRepository messages = new MongoMessageRepository(mongo, Durability.none());
        MongoActiveConversationRepository marks = new MongoActiveConversationRepository(mongo);
        Instant now = Instant.now();
        for (int i = from; i < from + count; i++) {
          String id = String.format("cl-startup%07d", i);
          Conversation conv = Conversation.restore(ChatBench.await(conversations.find(id)).orElseThrow());
          long seq = conv.lastSeq() + 1;
          Message m = new Message(id, seq, conv.episodeFor(Role.CARE_LEAVER), MessageKind.TEXT, "Startup bench message " + seq, id,
              Role.CARE_LEAVER, id, "s" + seq, now, null, null);
          ChatBench.await(marks.mark(id, now).compose(v -> messages.write(m)));
        }
        store.commit();
      } finally {
        ChatBench.await(mongo.close());
      }
    }
  }

  /** The conversation's next message, a minute after the one before, folded in. */
  private static Message next(Conversation conv, Instant begun, String sender, Role role, MessageKind kind, ConversationEvent event) {
    long seq = conv.lastSeq() + 1;
    Message m = new Message(conv.id(), seq, conv.episodeFor(role), kind, "Startup bench message " + seq, sender, role,
        role == Role.CARE_LEAVER ? conv.id() : "Sam", "s" + seq, begun.plusSeconds(seq * 60), null, event);
    conv.apply(m);
    return m;
  }
}
