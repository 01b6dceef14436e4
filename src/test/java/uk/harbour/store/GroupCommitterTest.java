package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Eventually.eventually;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Contexts;
import uk.harbour.testing.Futures;
import uk.harbour.testing.LogCapture;

@DisplayName("Group commits")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitterTest {

  private final Vertx vertx = Vertx.vertx();
  private final LogCapture logged = LogCapture.of(GroupCommitter.class);

  @AfterEach
  void stop() {
    logged.close();
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("A failed commit fails the writes waiting on it and is logged once with its cause")
  void failedCommitIsLogged() {
    RuntimeException cause = new IllegalStateException("commit failed", new ConcurrentModificationException());
    GroupCommitter commits = new GroupCommitter(vertx, () -> {
      throw cause;
    });

    CompletionException failed = assertThrows(CompletionException.class, () -> Futures.join(commits.afterWrite()));

    assertSame(cause, failed.getCause());
    assertEquals(1, logged.lines().size(), "one line for the commit");
    ILoggingEvent line = logged.lines().get(0);
    assertEquals(Level.ERROR, line.getLevel());
    assertTrue(line.getFormattedMessage().contains("Committing the embedded store failed"), line.getFormattedMessage());
    assertEquals(IllegalStateException.class.getName(), line.getThrowableProxy().getClassName(), "the cause is in the log");
  }

  @Test
  @DisplayName("Commits run on their own thread, one at a time, not on the shared worker pool, and the thread goes with close")
  void commitsRunOnTheirOwnThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    GroupCommitter commits = new GroupCommitter(vertx, () -> threads.add(Thread.currentThread().getName()), 0);

    Futures.join(Future.all(commits.afterWrite(), commits.afterWrite(), commits.afterWrite()));
    Futures.join(commits.afterWrite());

    assertTrue(threads.size() >= 2, "commits ran: " + threads);
    assertTrue(threads.stream().allMatch(name -> name.startsWith(GroupCommitter.COMMIT_THREAD)), "on the commit thread: " + threads);
    assertEquals(1, threads.stream().distinct().count(), "one thread: " + threads);
    Futures.join(commits.close());
    assertThrows(CompletionException.class, () -> Futures.join(commits.afterWrite()), "a closed committer commits nothing more");
  }

  @Test
  @DisplayName("Writes that finish while the next commit waits out its gap after the last one share that commit, and each waits for a commit that began after it")
  void writesWithinTheGapShareOneCommit() throws Exception {
    AtomicInteger commitsRun = new AtomicInteger();
    GroupCommitter commits = new GroupCommitter(vertx, commitsRun::incrementAndGet, 200_000);

    Futures.join(commits.afterWrite());
    assertEquals(1, commitsRun.get(), "the first write after a quiet spell is committed at once");
    long start = System.nanoTime();
    var second = commits.afterWrite();
    var third = commits.afterWrite();
    var fourth = commits.afterWrite();
    Futures.join(Future.all(second, third, fourth));
    assertEquals(2, commitsRun.get(), "three writes within the gap, one commit");
    assertTrue(System.nanoTime() - start >= 100_000_000L, "that commit waited for the gap (200 ms from the first) to pass");
  }

  @Test
  @DisplayName("A write sharing a commit another context started hears it on its own context, where its caller may answer a request")
  void answeredOnTheWritersContext() throws Exception {
    GroupCommitter commits = new GroupCommitter(vertx, () -> {}, 200_000);
    Futures.join(commits.afterWrite());
    Context starter = Contexts.ofItsOwn(vertx);
    Context writer = Contexts.ofItsOwn(vertx);
    assertNotSame(starter, writer);

    Promise<Void> started = Promise.promise();
    starter.runOnContext(v -> commits.afterWrite().onComplete(started));
    Promise<Context> heardOn = Promise.promise();
    // Within the 200 ms gap: the commit the starter made due covers this write too.
    writer.runOnContext(v -> commits.afterWrite().onComplete(r -> heardOn.complete(Vertx.currentContext())));

    Futures.join(started.future());
    assertSame(writer, Futures.join(heardOn.future()));
  }


  @Test
  @DisplayName("Writes held for a commit are made just before it and it waits for them; a write finishing meanwhile shares it, one held later waits for the next")
  void heldWritesAreMadeBeforeTheirCommit() {
    AtomicInteger commitsRun = new AtomicInteger();
    GroupCommitter commits = new GroupCommitter(vertx, commitsRun::incrementAndGet, 0);
    List<Promise<Void>> heldWrites = new CopyOnWriteArrayList<>();
    List<Future<Void>> outcomes = new CopyOnWriteArrayList<>();
    commits.beforeEachCommit(commit -> {
      outcomes.add(commit.outcome());
      Promise<Void> writes = Promise.promise();
      heldWrites.add(writes);
      return writes.future();
    });

    commits.commitSoon();
    eventually(() -> heldWrites.size() == 1);
    var duringWrites = commits.afterWrite();
    commits.commitSoon();
    assertEquals(0, commitsRun.get(), "the commit waits for the writes held for it");
    assertTrue(!duringWrites.isComplete());

    heldWrites.get(0).complete();
    Futures.join(duringWrites);
    assertSame(duringWrites, outcomes.get(0), "the held writes were told which commit covers them");
    assertEquals(1, commitsRun.get(), "a write finishing while held writes are made shares their commit");
    eventually(() -> heldWrites.size() == 2);
    assertEquals(1, commitsRun.get(), "held after the first began, so made before a second commit");
    heldWrites.get(1).fail("the store refused them");
    Futures.join(outcomes.get(1));
    assertEquals(2, commitsRun.get(), "refused writes failed their own callers; the commit still ran");
  }

  @Test
  @DisplayName("A held write that never answers does not hold the commit: it runs after the bound, and a write answering later is not counted in it")
  void unansweredHeldWritesDoNotHoldTheCommit() {
    List<Boolean> coveredWhenTheFileCommitRan = new CopyOnWriteArrayList<>();
    List<Durability.Commit> coming = new CopyOnWriteArrayList<>();
    GroupCommitter commits = new GroupCommitter(vertx, () -> coveredWhenTheFileCommitRan.add(coming.get(0).coversWritesAppliedNow()),
        0, Duration.ofMillis(300));
    Promise<Void> lost = Promise.promise();
    commits.beforeEachCommit(commit -> {
      coming.add(commit);
      return coming.size() == 1 ? lost.future() : Future.succeededFuture();
    });

    commits.commitSoon();
    eventually(() -> coming.size() == 1);
    assertTrue(coming.get(0).coversWritesAppliedNow(), "while its held writes are made, the commit covers what they apply");
    Futures.join(coming.get(0).outcome());

    assertEquals(List.of(false), coveredWhenTheFileCommitRan, "the file commit began without the held write, and says so to it");
    assertEquals(1, logged.lines().size(), "said once");
    assertEquals(Level.WARN, logged.lines().get(0).getLevel());
    assertTrue(logged.lines().get(0).getFormattedMessage().contains("did not answer within 300 ms"), logged.lines().get(0).getFormattedMessage());
    Futures.join(commits.afterWrite());
    assertEquals(2, coming.size(), "later commits run as usual");
  }

  @Test
  @DisplayName("A held writer that throws instead of answering (its client closed, say) does not stall commits: the commit runs, and so do later ones")
  void throwingHeldWriterDoesNotStallCommits() {
    AtomicInteger commitsRun = new AtomicInteger();
    GroupCommitter commits = new GroupCommitter(vertx, commitsRun::incrementAndGet, 0);
    commits.beforeEachCommit(commit -> {
      throw new IllegalStateException("state should be: open");
    });

    Futures.join(commits.afterWrite());
    Futures.join(commits.afterWrite());

    assertEquals(2, commitsRun.get());
    assertEquals(Duration.ZERO, commits.commitOwedFor(), "nothing left owed");
  }

  @Test
  @DisplayName("A commit made due by a verticle that is undeployed while it waits out its gap still runs: the writes of everyone else sharing it are answered")
  void commitOutlivesTheVerticleThatMadeItDue() {
    AtomicInteger commitsRun = new AtomicInteger();
    GroupCommitter commits = new GroupCommitter(vertx, commitsRun::incrementAndGet, 300_000);
    Futures.join(commits.afterWrite());
    Promise<Future<Void>> written = Promise.promise();
    String deployment = Futures.join(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        // Within the 300 ms gap: the commit is due, its timer set from this verticle.
        written.complete(commits.afterWrite());
        return Future.succeededFuture();
      }
    }));
    Future<Void> other = commits.afterWrite();

    Futures.join(vertx.undeploy(deployment));

    Futures.join(Futures.join(written.future()));
    Futures.join(other);
    assertEquals(2, commitsRun.get());
    assertEquals(Duration.ZERO, commits.commitOwedFor(), "nothing left owed");
  }
}
