package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;
import uk.harbour.testing.LogCapture;

@DisplayName("A store whose commits have stopped is noticed")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommitStallTest {

  private final Vertx vertx = Vertx.vertx();
  private final LogCapture logged = LogCapture.of(CommitStall.class);

  @AfterEach
  void stop() {
    logged.close();
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("A write waiting longer than the limit for its commit is a stall, logged once as an error, and over once the commit is done")
  void stallIsNoticedAndEnds() {
    CountDownLatch hung = new CountDownLatch(1);
    GroupCommitter commits = new GroupCommitter(vertx, () -> {
      try {
        hung.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 0);
    CommitStall stall = new CommitStall(commits, Duration.ofMillis(300));

    assertFalse(stall.stalled(), "nothing waits yet");
    Future<Void> write = commits.afterWrite();
    assertFalse(stall.stalled(), "a write has only just begun to wait");
    await().atMost(5, TimeUnit.SECONDS).until(stall::stalled);
    assertTrue(stall.stalled(), "still stalled");
    assertFalse(write.isComplete(), "the write is not acknowledged while its commit hangs");

    hung.countDown();
    Futures.join(write);
    assertEquals(Duration.ZERO, commits.commitOwedFor(), "nothing owed once the commit is done");
    assertFalse(stall.stalled(), "the stall is over");

    assertEquals(2, logged.lines().size(), "one line when it began, one when it ended: " + logged.lines());
    assertEquals(Level.ERROR, logged.lines().get(0).getLevel());
    assertTrue(logged.lines().get(0).getFormattedMessage().contains("has not committed"), logged.lines().get(0).getFormattedMessage());
    assertEquals(Level.INFO, logged.lines().get(1).getLevel());
  }

  @Test
  @DisplayName("Writes kept waiting by commits that keep going are no stall, however long the writing lasts")
  void busyCommitsAreNoStall() throws InterruptedException {
    GroupCommitter commits = new GroupCommitter(vertx, () -> {
      try {
        Thread.sleep(50); // a slow commit, on the commit worker
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 0);
    CommitStall stall = new CommitStall(commits, Duration.ofMillis(300));

    // Writes arrive back to back for well over the limit, so some commit is always owed.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    Future<Void> last = Future.succeededFuture();
    while (System.nanoTime() < until) {
      last = commits.afterWrite();
      assertFalse(stall.stalled(), "owed for " + commits.commitOwedFor().toMillis() + " ms");
      Thread.sleep(10);
    }
    Futures.join(last);
    assertEquals(Duration.ZERO, commits.commitOwedFor());
  }
}
