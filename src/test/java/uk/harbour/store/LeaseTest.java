package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.cluster.StoreLease;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.Ports;
import uk.harbour.testing.TestClock;

/**
 * The routing lease between nodes, on the shared store as ops/store serves it, with a clock the
 * test moves: one holder at a time, renewal, lapse, take-over when the cluster says the holder
 * left, hand-over on stop, and take-over duties before leading.
 */
@DisplayName("The routing lease in the store")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeaseTest {

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final TestClock clock = TestClock.at("2026-11-25T18:00");
  private EmbeddedStore store;
  private DirectClient mongo;
  private MongoLeaseRepository leases;

  @BeforeEach
  void open() {
    store = EmbeddedStore.serve(dir.resolve("harbour.mv.db"), "127.0.0.1", Ports.free());
    mongo = DirectClient.open(vertx, store.connectionString(), "lease-test");
    leases = new MongoLeaseRepository(mongo.mongo());
  }

  @AfterEach
  void close() {
    mongo.close();
    store.close();
    await(vertx.close());
  }

  private StoreLease node(String id) {
    return new StoreLease(leases, id, clock);
  }

  @Test
  @DisplayName("The first node takes the lease; the other cannot while it is renewed, and only the holder leads")
  void oneHolder() {
    StoreLease a = node("a");
    StoreLease b = node("b");
    await(a.start());
    await(b.start());
    assertTrue(a.leading());
    assertFalse(b.leading());
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(2));
      await(a.renew());
      await(b.renew());
      assertTrue(a.leading(), "renewed every 2 s, it keeps leading");
      assertFalse(b.leading());
    }
    assertEquals("a", await(leases.find(StoreLease.ROUTING)).orElseThrow().holder());
  }

  @Test
  @DisplayName("A holder that cannot renew stops leading before its term ends; after the term another node takes it")
  void lapse() {
    StoreLease a = node("a");
    StoreLease b = node("b");
    await(a.start());
    clock.advance(StoreLease.TERM.minusSeconds(2));
    assertFalse(a.leading(), "within the margin of its term's end a holder no longer acts");
    await(b.renew());
    assertFalse(b.leading(), "the term has not ended: nobody else may take it");
    clock.advance(Duration.ofSeconds(2));
    await(b.renew());
    assertTrue(b.leading(), "exactly at the end of the term it is free");
    await(a.renew());
    assertFalse(a.leading(), "the old holder learns it has lost it");
  }

  @Test
  @DisplayName("When the cluster says the holder left, another node takes the lease at once; a node that did not hold it changes nothing")
  void holderLeft() {
    StoreLease a = node("a");
    StoreLease b = node("b");
    await(a.start());
    await(b.start());
    await(b.nodeLeft("c"));
    assertFalse(b.leading(), "c never held it");
    assertTrue(a.leading());
    await(b.nodeLeft("a"));
    assertTrue(b.leading(), "taken without waiting for the term");
    assertEquals("b", await(leases.find(StoreLease.ROUTING)).orElseThrow().holder());
  }

  @Test
  @DisplayName("A holder that stops gives the lease up, and the next node to renew takes it")
  void handOverOnStop() {
    StoreLease a = node("a");
    StoreLease b = node("b");
    await(a.start());
    await(a.stop());
    assertFalse(a.leading());
    await(b.renew());
    assertTrue(b.leading());
  }

  @Test
  @DisplayName("Take-over duties run, in order, before the new holder leads; one that fails is tried again at the next renewal")
  void dutiesFirst() {
    StoreLease a = node("a");
    AtomicInteger tries = new AtomicInteger();
    Promise<Void> catchingUp = Promise.promise();
    a.onGained(() -> catchingUp.future());
    a.onGained(() -> tries.incrementAndGet() == 1 ? Future.failedFuture(new IllegalStateException("seed failed")) : Future.succeededFuture());
    Future<Void> started = a.start();
    assertFalse(a.leading(), "not before catching up");
    catchingUp.complete();
    await(started);
    assertFalse(a.leading(), "a failed duty means not leading");
    await(a.renew());
    await(Future.future(p -> vertx.setTimer(50, t -> p.complete())));
    assertEquals(2, tries.get());
    assertTrue(a.leading());
  }
}
