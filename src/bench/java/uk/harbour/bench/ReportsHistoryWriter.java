package uk.harbour.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.harbour.app.SyntheticHistory;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.Message;
import uk.harbour.identity.CareLeaver;
import uk.harbour.reports.CoverLookup;
import uk.harbour.reports.ReportDayRepository;
import uk.harbour.reports.ReportRebuild;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.RotaRepository;
import uk.harbour.rota.RotaService;
import uk.harbour.store.Durability;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.MongoReportDayRepository;
import uk.harbour.store.MongoReportProgressRepository;
import uk.harbour.store.MongoRotaRepository;
import uk.harbour.store.embedded.EmbeddedStore;

/**
 * Writes the reports benchmark's year of history straight into a stopped Harbour's embedded store,
 * through the production repositories: young people, their messages (from {@link SyntheticHistory}
 * over the stored demo rota), each conversation's snapshot, and the report records folded from the
 * messages the same way the running writer folds them. Runs on the bench's main thread.
 */
final class ReportsHistoryWriter {

  record Size(int episodes, int days, int careLeavers) {}

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final String TEAM = "leaving-care";
  private static final int WINDOW = 4096;

  private ReportsHistoryWriter() {}

  static JsonObject write(Vertx vertx, Path file, Size size) throws Exception {
    try (EmbeddedStore store = EmbeddedStore.start(file)) {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "harbour").put("maxPoolSize", 16));
      try {
        BankHolidays holidays = BankHolidays.fromYaml(Files.readString(Path.of("config/bank-holidays.yaml")));
        RotaRepository.StoredRota stored = ChatBench.await(new MongoRotaRepository(mongo, Durability.none(), RotaService.DEFAULT_CAPACITY).load()).orElseThrow();
        RotaEngine engine = new RotaEngine(stored.rota(), holidays, LONDON);
        LocalDate today = LocalDate.now(LONDON);
        LocalDate from = today.minusDays(size.days());
        Instant end = today.atStartOfDay(LONDON).toInstant();
        SyntheticHistory history = new SyntheticHistory(() -> engine, holidays, LONDON,
            new SyntheticHistory.Plan(from, size.days(), size.episodes() / (double) size.days(), 14, "jo"));
        List<SyntheticHistory.Person> people = new ArrayList<>();
        for (int i = 0; i < size.careLeavers(); i++) {
          people.add(new SyntheticHistory.Person(String.format("cl-bench-%05d", i), "Young" + i, i % 2 == 0 ? "sam" : "priya", TEAM));
        }
        Map<SyntheticHistory.Person, List<Instant>> starts = history.starts(people);
        MongoCareLeaverRepository careLeavers = new MongoCareLeaverRepository(mongo, Durability.none());
        MongoMessageRepository messages = new MongoMessageRepository(mongo, Durability.none());
        MongoConversationRepository snapshots = new MongoConversationRepository(mongo);
        ReportRebuild reports = new ReportRebuild(new CoverLookup(() -> engine, holidays, LONDON), LONDON);
        Instant created = from.atStartOfDay(LONDON).toInstant();
        long written = 0;
        long began = System.nanoTime();
        List<Future<?>> window = new ArrayList<>();
        for (SyntheticHistory.Person p : people) {
          List<Message> conversation = history.conversation(p, starts.get(p), end);
          window.add(careLeavers.insert(new CareLeaver(p.id(), p.firstName(), LocalDate.of(2005, 6, 1), p.pa(), TEAM, true, Optional.empty(),
              Optional.empty(), created, created)));
          Conversation conv = new Conversation(p.id(), p.firstName(), p.pa(), TEAM);
          for (Message m : conversation) {
            conv.apply(m);
            window.add(messages.insert(m));
            written++;
            if (window.size() >= WINDOW) {
              ChatBench.await(Future.all(window));
              window.clear();
            }
          }
          window.add(snapshots.save(conv.state()));
          reports.fold(p.id(), TEAM, p.pa(), conversation);
          if (written / 100_000 != (written - conversation.size()) / 100_000) {
            System.out.printf("  %d messages (%.0f/s)%n", written, written / ((System.nanoTime() - began) / 1e9));
          }
        }
        ChatBench.await(Future.all(window));
        List<ReportDayRepository.DayRows> days = reports.days();
        MongoReportDayRepository dayRepository = new MongoReportDayRepository(mongo);
        for (int i = 0; i < days.size(); i += 50) {
          ChatBench.await(dayRepository.save(days.subList(i, Math.min(days.size(), i + 50))));
        }
        ChatBench.await(new MongoReportProgressRepository(mongo).save(reports.progress()));
        store.commit();
        System.out.printf("stored %d messages, %d episodes in %d day roll-ups, in %.0f s%n", written, reports.episodes(), days.size(), (System.nanoTime() - began) / 1e9);
        return new JsonObject().put("messages", written).put("episodes", reports.episodes()).put("conversations", people.size()).put("days", size.days())
            .put("from", from.toString()).put("to", today.minusDays(1).toString());
      } finally {
        ChatBench.await(mongo.close());
      }
    }
  }
}
