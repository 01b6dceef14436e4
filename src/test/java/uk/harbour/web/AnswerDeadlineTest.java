package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/**
 * A request whose work is stuck behind something that never finishes gets an answer and an ERROR
 * line, never an endless spinner. Here the stuck thing is the shared worker pool, which reports are
 * worked out and pages rendered on, filled with tasks that wait for the test. Passwords are checked
 * on a pool of their own, so signing in still works meanwhile.
 */
@DisplayName("A request Harbour cannot answer in time gets 503 timed_out, not a spinner")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnswerDeadlineTest {

  /** More than Vert.x's default 20 worker threads, so every one is taken and some wait. */
  private static final int JAMMING_TASKS = 40;
  private static final String SUMMARY = "/api/reports/summary";

  private final RunningHarbour harbour =
      RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("http", new JsonObject().put("requestTimeoutSeconds", 1)));
  private final LogCapture failures = LogCapture.of(FailureHandler.class);
  private final CountDownLatch jam = new CountDownLatch(1);
  private final List<Future<Boolean>> jammed = new ArrayList<>();

  @AfterEach
  void stop() {
    jam.countDown();
    failures.close();
    harbour.close();
  }

  @Test
  @DisplayName("A report and a page answer 503 while the workers are stuck, with an ERROR line each, sign-in still works, and all work again once they are free")
  void stuckWorkIsAnsweredAndLogged() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("dana", Role.ADVISER);
    fixtures.staff("mo", Role.MANAGER);
    TestSession session = new TestSession(harbour);
    assertEquals(200, session.signInStaff("mo", Fixtures.PASSWORD).statusCode());
    assertEquals(200, session.get(SUMMARY).statusCode());
    session.csrf(); // the token first: it needs no worker
    jamWorkers();

    long started = System.nanoTime();
    var report = session.get(SUMMARY);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, report.statusCode(), report.bodyAsString());
    assertEquals("timed_out", report.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals("no-store", report.getHeader("Cache-Control"));
    assertTrue(tookMillis >= 1_000, "not before the deadline: " + tookMillis + " ms");

    assertEquals(200, new TestSession(harbour).signInStaff("dana", Fixtures.PASSWORD).statusCode(),
        "passwords are checked on their own pool, not behind the stuck workers");

    // A page's error page is rendered on the same stuck workers: it falls back to plain words.
    var page = session.get("/help");
    assertEquals(503, page.statusCode());
    assertTrue(page.bodyAsString().contains("too long"), page.bodyAsString());

    assertEquals(2, deadlineLines(), "one ERROR line per request: " + failures.lines());

    jam.countDown();
    jammed.forEach(RunningHarbour::await);
    assertEquals(200, session.get(SUMMARY).statusCode(), "answered again once the workers are free");
    assertEquals(200, session.get("/help").statusCode());
  }

  private void jamWorkers() {
    for (int i = 0; i < JAMMING_TASKS; i++) {
      jammed.add(harbour.vertx().executeBlocking(() -> jam.await(60, TimeUnit.SECONDS), false));
    }
  }

  private long deadlineLines() {
    return failures.lines().stream()
        .filter(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains("not answered within its deadline"))
        .count();
  }
}
