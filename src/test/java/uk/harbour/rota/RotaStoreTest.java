package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.rota.RotaRepository.StoredRota;
import uk.harbour.store.Durability;
import uk.harbour.store.MongoRotaRepository;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.web.HarbourException;

@DisplayName("The rota in the store")
@Timeout(120)
class RotaStoreTest {

  private static final Instant AT = Instant.parse("2026-10-21T11:00:00Z");

  @Test
  @DisplayName("A rota survives a round trip through the store unchanged, and each save bumps the version")
  void roundTrip() {
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-10-21T12:00"))) {
      RotaRepository repository = new MongoRotaRepository(harbour.harbour().services().store().client(), Durability.none(), 3);
      assertEquals(Optional.empty(), await(repository.load()));

      Rota demo = RotaFixtures.demo().rota().withOverride(RotaFixtures.override("o1", RotaOverride.Kind.SWAP, "priya",
          "2026-12-24T17:00", "2026-12-25T09:00", "sam"));
      StoredRota first = await(repository.save(demo, 0, AT, "jo"));
      assertEquals(1, first.version());
      StoredRota loaded = await(repository.load()).orElseThrow();
      assertEquals(demo, loaded.rota());
      assertEquals(new StoredRota(demo, 1, AT, "jo"), loaded);

      StoredRota second = await(repository.save(RotaService.empty(), 1, AT.plusSeconds(60), "alex"));
      assertEquals(2, second.version());
      assertEquals(RotaService.empty(), await(repository.load()).orElseThrow().rota());
    }
  }

  @Test
  @DisplayName("A save from a stale version, or a second first save, is refused with 409 conflict and changes nothing")
  void staleSaves() {
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-10-21T12:00"))) {
      RotaRepository repository = new MongoRotaRepository(harbour.harbour().services().store().client(), Durability.none(), 3);
      Rota demo = RotaFixtures.demo().rota();
      await(repository.save(demo, 0, AT, "jo"));
      for (long stale : new long[] {0, 2, 7}) {
        IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> await(repository.save(RotaService.empty(), stale, AT, "alex")));
        HarbourException e = (HarbourException) wrapped.getCause().getCause();
        assertEquals(409, e.status());
        assertEquals("conflict", e.code());
      }
      assertEquals(new StoredRota(demo, 1, AT, "jo"), await(repository.load()).orElseThrow());
    }
  }

  @Test
  @DisplayName("Demo mode seeds the demo rota on first start only: a manager's later change survives a restart")
  void demoSeedOnce() {
    RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-10-21T12:00"), new JsonObject().put("demo", "true"));
    try {
      RotaService rota = harbour.harbour().services().rota();
      assertEquals(1, rota.current().version());
      assertEquals(13, rota.engine().rota().templates().size());
      assertEquals("sam", rota.engine().onCallAt(Instant.parse("2026-10-21T16:30:00Z")).onCall().get(0), "Wednesday 17:30: Sam");
      var seeded = await(harbour.harbour().services().audit().find(new AuditQuery(Optional.of("system"), Optional.of(AuditAction.ROTA_CHANGED),
          Optional.empty(), Optional.empty(), Optional.empty(), 10)));
      assertEquals(1, seeded.size());
      assertEquals("demo_seeded", seeded.get(0).detail().getString("change"));

      SignedIn jo = new SignedIn("jo", Role.MANAGER, "Jo Bennett", "leaving-care", Instant.now(harbour.clock()));
      await(rota.replace(jo, "test", RotaService.empty(), 1));

      harbour = harbour.restartAfter(() -> {});
      RotaService restarted = harbour.harbour().services().rota();
      assertEquals(2, restarted.current().version(), "not seeded again");
      assertTrue(restarted.engine().rota().templates().isEmpty());
    } finally {
      harbour.close();
    }
  }

  @Test
  @DisplayName("Without demo mode and with nothing stored, the rota is empty and nobody is on call")
  void emptyWithoutDemo() {
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-10-21T22:00"))) {
      RotaService rota = harbour.harbour().services().rota();
      assertEquals(0, rota.current().version());
      assertTrue(rota.engine().onCallAt(harbour.clock().instant()).onCall().isEmpty());
    }
  }
}
