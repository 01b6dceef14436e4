package uk.harbour.reports;

import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.harbour.app.Services;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.chat.Message;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccounts.NewStaff;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

/** A running Harbour holding {@link ReportHistory}: its staff, rota, young people and stored messages, folded into the reports. */
final class ReportFixtures {

  static final String OTHER_TEAM = "north";

  private ReportFixtures() {}

  /** Starts Harbour at {@link ReportHistory#NOW}; the routing sweep is slowed so it adds nothing to the history. */
  static RunningHarbour start() {
    RunningHarbour harbour = RunningHarbour.start(new TestClock(ReportHistory.NOW),
        new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600)));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("priya", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("alex", Role.ADMIN);
    await(harbour.harbour().services().identity().staffAccounts()
        .create(Actor.system(), new NewStaff("kim", "Kim North", Role.MANAGER, OTHER_TEAM, Fixtures.PASSWORD)));
    Rotas.use(harbour, ReportHistory.rota());
    return harbour;
  }

  /** Stores the history as the chat core would have, then has the report writer catch up with it. */
  static void load(RunningHarbour harbour, Map<String, List<Message>> history) {
    Services services = harbour.harbour().services();
    MongoCareLeaverRepository people = new MongoCareLeaverRepository(services.store().client(), services.store().durability());
    MongoMessageRepository messages = new MongoMessageRepository(services.store().client(), services.store().durability());
    Instant created = Instant.parse("2026-01-01T00:00:00Z");
    history.forEach((id, list) -> {
      await(people.insert(new CareLeaver(id, "Young", LocalDate.parse("2006-04-01"), "sam", ReportHistory.TEAM, true, Optional.empty(),
          Optional.empty(), created, created)));
      list.forEach(m -> await(messages.insert(m)));
    });
    history.keySet().forEach(id -> {
      await(services.chat().conversation(id));
      await(services.reports().writer().catchUp(id));
    });
    await(services.reports().writer().flush());
  }
}
