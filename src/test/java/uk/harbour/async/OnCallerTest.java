package uk.harbour.async;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Contexts;
import uk.harbour.testing.Futures;

@DisplayName("OnCaller answers on the caller's context")
@Timeout(30)
class OnCallerTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<Throwable> reported = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("A listener that throws is reported to Vert.x's exception handler, not dropped, however many listeners the answer has")
  void throwingListenersAreReported() {
    vertx.exceptionHandler(reported::add);
    Context caller = Contexts.ofItsOwn(vertx);
    Context other = Contexts.ofItsOwn(vertx);
    Promise<String> work = Promise.promise();
    caller.runOnContext(v -> {
      Future<String> answered = OnCaller.answer(work.future());
      answered.onSuccess(s -> {
        throw new IllegalStateException("first listener");
      });
      answered.onSuccess(s -> {
        throw new IllegalStateException("second listener");
      });
      // Completed on another context, as a group commit started by another writer completes.
      other.runOnContext(w -> work.complete("done"));
    });

    await().atMost(10, TimeUnit.SECONDS).until(() -> reported.size() == 2);
    assertEquals(List.of("first listener", "second listener"), reported.stream().map(Throwable::getMessage).toList());
  }

  @Test
  @DisplayName("The answer comes on the caller's context when the work completes on another")
  void answeredOnCaller() {
    Context caller = Contexts.ofItsOwn(vertx);
    Context other = Contexts.ofItsOwn(vertx);
    Promise<Context> heardOn = Promise.promise();
    caller.runOnContext(v -> {
      Promise<String> work = Promise.promise();
      OnCaller.answer(work.future()).onComplete(r -> heardOn.complete(Vertx.currentContext()));
      other.runOnContext(w -> work.complete("done"));
    });
    assertSame(caller, Futures.join(heardOn.future()));
  }
}
