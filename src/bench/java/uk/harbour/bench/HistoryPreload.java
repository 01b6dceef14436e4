package uk.harbour.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.Role;
import uk.harbour.store.Durability;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoMessageRepository;

/**
 * Writes many messages straight into a stopped Harbour's embedded store through the production
 * repositories (and their batched inserts), with each conversation's snapshot, so the next server
 * run starts with a large history. Runs on the bench's main thread, never an event loop.
 */
final class HistoryPreload {

  private static final Instant START = Instant.parse("2026-01-05T18:00:00Z");
  private static final int WINDOW = 4096;

  private HistoryPreload() {}

  /** Stores {@code perConversation} messages in each conversation; returns how many were written. */
  static long write(Vertx vertx, Path file, List<BenchAccounts.Person> careLeavers, long perConversation) {
    try (EmbeddedStore store = EmbeddedStore.start(file)) {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "harbour").put("maxPoolSize", 16));
      try {
        MongoMessageRepository messages = new MongoMessageRepository(mongo, Durability.none());
        MongoConversationRepository conversations = new MongoConversationRepository(mongo);
        MongoCareLeaverRepository people = new MongoCareLeaverRepository(mongo, Durability.none());
        List<Conversation> all = new ArrayList<>();
        for (BenchAccounts.Person person : careLeavers) {
          CareLeaver careLeaver = ChatBench.await(people.find(person.id())).orElseThrow();
          all.add(new Conversation(careLeaver.id(), careLeaver.firstName(), careLeaver.paUsername(), careLeaver.team()));
        }
        long written = 0;
        List<Future<Void>> window = new ArrayList<>();
        // Seq-major order spreads every write over all conversations, as live traffic does.
        for (long seq = 1; seq <= perConversation; seq++) {
          for (Conversation conv : all) {
            Message message = message(conv, seq);
            conv.apply(message);
            window.add(messages.insert(message));
            written++;
            if (window.size() >= WINDOW) {
              ChatBench.await(Future.all(window));
              window.clear();
            }
          }
          if (seq % 1000 == 0) {
            System.out.printf("  preloaded %d messages%n", written);
          }
        }
        ChatBench.await(Future.all(window));
        ChatBench.await(Future.all(all.stream().map(c -> conversations.save(c.state())).toList()));
        store.commit();
        return written;
      } finally {
        ChatBench.await(mongo.close());
      }
    }
  }

  private static Message message(Conversation conv, long seq) {
    boolean fromCareLeaver = seq % 2 == 1;
    String sender = fromCareLeaver ? conv.id() : conv.paUsername();
    return new Message(
        conv.id(),
        seq,
        1,
        MessageKind.TEXT,
        "Preloaded message " + seq + ": could you remind me when the bursary payment goes in this month?",
        sender,
        fromCareLeaver ? Role.CARE_LEAVER : Role.ADVISER,
        fromCareLeaver ? "Young" : "Bench PA",
        "p" + seq,
        START.plusSeconds(seq * 60),
        null,
        null);
  }
}
