package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.Contexts;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

@DisplayName("The chat core answers on the caller's context")
@Timeout(90)
class AnswersOnCallerTest {

  private static final int SENDS = 60;

  private final RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-24T20:00"));

  @AfterEach
  void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A message is acknowledged on its sender's context even when another context's writes started the commit that made it durable")
  void acknowledgedOnTheSendersContext() throws Exception {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    String ann = fixtures.careLeaver(fixtures.signedIn("sam"), "Ann").getString("careLeaverId");
    String bo = fixtures.careLeaver(fixtures.signedIn("sam"), "Bo").getString("careLeaverId");
    ChatService chat = harbour.harbour().services().chat();
    SignedIn sam = new SignedIn("sam", Role.ADVISER, "Sam", null, Instant.now());
    RateLimiter unlimited = new RateLimiter(java.time.Clock.systemUTC(), 1_000_000, 1_000_000);
    Context sender = Contexts.ofItsOwn(harbour.vertx());
    Context other = Contexts.ofItsOwn(harbour.vertx());
    assertNotSame(sender, other);

    AtomicInteger elsewhere = new AtomicInteger();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < SENDS; i++) {
      int n = i;
      // The other context writes too, so some commits that cover the sender's messages start there.
      all.add(onContext(other, () -> chat.send(sam, new SendCommand(bo, "b" + n, "note " + n, MessageKind.NOTE, null), unlimited)));
      all.add(onContext(sender, () -> chat.send(sam, new SendCommand(ann, "a" + n, "note " + n, MessageKind.NOTE, null), unlimited)
          .onComplete(r -> {
            if (Vertx.currentContext() != sender) {
              elsewhere.incrementAndGet();
            }
          })));
    }
    Future.all(all).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

    assertEquals(0, elsewhere.get(), "acknowledgements heard on another context, of " + SENDS);
  }


  private static <T> Future<T> onContext(Context context, java.util.function.Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }
}
