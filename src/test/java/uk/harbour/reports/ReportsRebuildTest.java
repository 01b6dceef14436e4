package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.RotaJson;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.MongoReportProgressRepository;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSession;

/**
 * After a crash the report records are rebuilt exactly from the stored messages: whatever state the
 * roll-ups and watermarks were left in, a restart gives the same page, API and CSV.
 */
@DisplayName("Reports are rebuilt exactly from the stored messages after a crash")
@Timeout(240)
class ReportsRebuildTest {

  private static final String FORTNIGHT = "from=2026-03-23&to=2026-04-05";

  private RunningHarbour harbour;
  private Map<String, List<Message>> history;

  @BeforeEach
  void start() {
    harbour = ReportFixtures.start();
    // Without the conversation nobody answered: a restart's routing sweep would rightly act on it.
    history = new LinkedHashMap<>(ReportHistory.messages());
    history.remove(ReportHistory.E);
    ReportFixtures.load(harbour, history);
  }

  @AfterEach
  void stop() {
    harbour.close();
  }

  private record Figures(JsonObject summary, String episodes) {}

  private Figures figures() {
    TestSession alex = new Fixtures(harbour).signedIn("alex");
    return new Figures(alex.get("/api/reports/summary?" + FORTNIGHT).bodyAsJsonObject(), alex.get("/api/reports/episodes.csv?" + FORTNIGHT).bodyAsString());
  }

  /** Restarts and waits for the reports to catch up; says whether they looked at every conversation. */
  private boolean restart() {
    harbour = harbour.restart();
    return await(harbour.harbour().services().reports().writer().caughtUp()).everyConversation();
  }

  private MongoClient mongo() {
    return harbour.harbour().services().store().client();
  }

  @Test
  @DisplayName("Every record and watermark lost: all rebuilt from the messages")
  void everythingLost() {
    Figures before = figures();
    assertEquals(8, before.summary().getInteger("episodes"));
    await(mongo().dropCollection("report_days"));
    await(mongo().removeDocuments("report_progress", new JsonObject()));
    assertTrue(restart(), "watermarks lost: every conversation is looked at");
    Figures after = figures();
    assertEquals(before.summary(), after.summary());
    assertEquals(before.episodes(), after.episodes());
  }

  @Test
  @DisplayName("Watermarks behind the records (a crash between the two writes) or missing: the messages after them fold into the same records")
  void watermarksBehind() throws Exception {
    Figures before = figures();
    BankHolidays holidays = BankHolidays.fromYaml(Files.readString(Path.of("config/bank-holidays.yaml")));
    RotaEngine engine = new RotaEngine(RotaJson.rotaFromJson(ReportHistory.rota(), 3), holidays, ReportHistory.LONDON);
    CoverLookup covers = new CoverLookup(() -> engine, holidays, ReportHistory.LONDON);
    List<ConversationFold.Progress> behind = new java.util.ArrayList<>();
    for (String id : List.of(ReportHistory.A, ReportHistory.F, ReportHistory.H)) {
      ConversationFold fold = new ConversationFold(id, ReportHistory.TEAM, "sam", covers);
      List<Message> messages = history.get(id);
      messages.subList(0, messages.size() / 2).forEach(fold::apply);
      behind.add(fold.progress());
    }
    await(new MongoReportProgressRepository(mongo()).save(behind));
    await(mongo().removeDocuments("report_progress", new JsonObject().put("_id", ReportHistory.B)));
    // As after a crash: the conversations behind are marked active (they were being written), so held at start.
    assertFalse(restart(), "the reports were complete: only the conversations held are looked at");
    Figures after = figures();
    assertEquals(before.summary(), after.summary());
    assertEquals(before.episodes(), after.episodes());
  }

  @Test
  @DisplayName("Messages the writer never heard of (stored while it was behind) are read from the store at start")
  void messagesNeverHeard() {
    Figures before = figures();
    // Good Friday afternoon: C writes again and Priya answers in 2 minutes and resolves; stored behind the reports' back.
    List<Message> c = history.get(ReportHistory.C);
    ReportHistory.Script more = new ReportHistory.Script(ReportHistory.C);
    c.forEach(m -> more.replay(m));
    List<Message> extra = more.young("2026-04-03T15:00").staff("priya", "2026-04-03T15:02")
        .event("priya", "2026-04-03T15:10", new ConversationEvent.Resolved("priya")).done().subList(c.size(), c.size() + 3);
    MongoMessageRepository messages = new MongoMessageRepository(mongo(), harbour.harbour().services().store().durability());
    extra.forEach(m -> await(messages.insert(m)));
    assertFalse(restart(), "the reports were complete: only the conversations held are looked at");
    Figures after = figures();
    assertEquals(before.summary().getInteger("episodes") + 1, after.summary().getInteger("episodes"));
    assertNotEquals(before.episodes(), after.episodes());
    assertTrue(after.episodes().contains(ReportHistory.C + ",2,leaving-care,2026-04-03T14:00:00Z,2026-04-03 15:00:00,sun-day,bank_holiday,no,no,120,priya,duty_adviser"),
        after.episodes());
  }
}
