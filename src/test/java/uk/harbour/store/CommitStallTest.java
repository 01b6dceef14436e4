package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import uk.harbour.testing.Futures;

@DisplayName("A store whose commits have stopped is noticed")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommitStallTest {

  private final Vertx vertx = Vertx.vertx();
  private final Logger log = (Logger) LoggerFactory.getLogger(CommitStall.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @AfterEach
  void stop() {
    log.detachAppender(logged);
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("A write waiting longer than the limit for its commit is a stall, logged once as an error, and over once the commit is done")
  void stallIsNoticedAndEnds() {
    logged.start();
    log.addAppender(logged);
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

    assertEquals(2, logged.list.size(), "one line when it began, one when it ended: " + logged.list);
    assertEquals(Level.ERROR, logged.list.get(0).getLevel());
    assertTrue(logged.list.get(0).getFormattedMessage().contains("has not committed"), logged.list.get(0).getFormattedMessage());
    assertEquals(Level.INFO, logged.list.get(1).getLevel());
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
