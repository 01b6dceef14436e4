package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Futures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.web.RetryLater;

/**
 * Before, password hashes ran on Vert.x's shared worker pool, twenty at once at 19 MiB each, and
 * every page is drawn on that pool too: a burst of sign-ins queued every page behind it, and
 * nothing bounded how many waited.
 */
@DisplayName("Password hashing has a pool of its own, and a burst beyond it is told to try again")
@Timeout(120)
class HashingPoolTest {

  private static final Argon2Hashing.Cost SLOW = new Argon2Hashing.Cost(19_456, 6, 1);

  @Test
  @DisplayName("Beyond the wait limit a hash is refused at once with 503 busy, the shared worker pool stays free meanwhile, and once drained hashing works again")
  void boundedAndApart() {
    // One shared worker: were hashes on it, the work below would wait behind all three.
    Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1));
    try {
      Argon2Hashing hashing = new Argon2Hashing(vertx, SLOW, 1, 2);
      List<Future<String>> admitted = List.of(hashing.hash("one"), hashing.hash("two"), hashing.hash("three"));
      Throwable refused = Futures.failure(hashing.hash("four"));
      RetryLater busy = assertInstanceOf(RetryLater.class, refused);
      assertEquals(503, busy.status());
      assertEquals("busy", busy.code());
      assertEquals(5, busy.retryAfterSeconds());

      AtomicInteger hashesDoneBeforePage = new AtomicInteger(-1);
      await(vertx.executeBlocking(() -> {
        hashesDoneBeforePage.set((int) admitted.stream().filter(Future::isComplete).count());
        return null;
      }, false));
      assertEquals(0, hashesDoneBeforePage.get(), "work on the shared worker pool (pages) runs while hashes wait, not after them");

      String hash = await(Future.all(admitted).compose(all -> hashing.hash("five")));
      assertTrue(await(hashing.verify("five", Optional.of(hash))), "admitted again once the pool drained");
      assertFalse(await(hashing.verify("six", Optional.of(hash))));
    } finally {
      await(vertx.close());
    }
  }

  @Test
  @DisplayName("A burst of sign-ins gets 200 or 503 busy with Retry-After, never a failed sign-in, and nothing is counted against the accounts")
  void burstOfSignIns() {
    int threads = Runtime.getRuntime().availableProcessors();
    int tries = threads + 1 + 6;
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"),
        new JsonObject().put("security", new JsonObject().put("hashingWaitLimit", 1).put("argon2Iterations", 6)))) {
      Fixtures fixtures = new Fixtures(harbour);
      List<TestSession> sessions = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < tries; i++) {
        fixtures.staff("burst" + i, Role.ADVISER);
        TestSession session = new TestSession(harbour);
        sessions.add(session);
        tokens.add(session.csrf());
      }
      List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
      for (int i = 0; i < tries; i++) {
        answers.add(sessions.get(i).client().post("/api/session")
            .putHeader("X-XSRF-TOKEN", tokens.get(i))
            .putHeader("Origin", harbour.baseUrl())
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(new JsonObject().put("username", "burst" + i).put("password", Fixtures.PASSWORD).encode())));
      }
      await(Future.join(answers));

      int busy = 0;
      for (int i = 0; i < tries; i++) {
        HttpResponse<Buffer> answer = answers.get(i).result();
        if (answer.statusCode() == 503) {
          busy++;
          JsonObject error = answer.bodyAsJsonObject().getJsonObject("error");
          assertEquals("busy", error.getString("code"));
          assertEquals(5, error.getInteger("retryAfter"));
          assertEquals("5", answer.getHeader("Retry-After"));
        } else {
          assertEquals(200, answer.statusCode(), answer.bodyAsString());
        }
      }
      assertTrue(busy > 0, "more tries at once than the pool and its wait limit hold: some are told to try again");
      assertTrue(busy < tries, "the pool's own are answered");

      for (int i = 0; i < tries; i++) {
        if (answers.get(i).result().statusCode() == 503) {
          assertEquals(200, sessions.get(i).signInStaff("burst" + i, Fixtures.PASSWORD).statusCode(), "trying again works, not slowed as a failure");
        }
      }
    }
  }
}
