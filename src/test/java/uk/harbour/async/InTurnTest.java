package uk.harbour.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("InTurn runs asynchronous steps one after the other without growing the stack")
@Timeout(30)
class InTurnTest {

  private static final List<Integer> MANY = IntStream.range(0, 200_000).boxed().toList();

  @Test
  @DisplayName("200,000 steps that finish at once, after one that waits: all run, in order, and it completes")
  void manyStepsThatFinishAtOnce() {
    Promise<Void> first = Promise.promise();
    List<Integer> ran = new ArrayList<>();
    Future<Void> done = InTurn.forEach(MANY, i -> {
      ran.add(i);
      return i == 0 ? first.future() : Future.succeededFuture();
    });
    assertFalse(done.isComplete(), "waits for the first step");
    first.complete();
    assertTrue(done.succeeded(), String.valueOf(done.cause()));
    assertEquals(MANY, ran);
  }

  @Test
  @DisplayName("The same steps chained with compose in a loop overflow the stack: the case InTurn exists for")
  void composeChainOverflows() {
    Promise<Void> first = Promise.promise();
    Future<Void> chain = first.future();
    for (int i = 0; i < MANY.size(); i++) {
      chain = chain.compose(v -> Future.succeededFuture());
    }
    Future<Void> last = chain;
    boolean overflowed = false;
    try {
      first.complete();
    } catch (StackOverflowError e) {
      overflowed = true;
    }
    assertTrue(overflowed || !last.isComplete(), "a compose chain this long should not complete normally");
  }

  @Test
  @DisplayName("A step that waits lets the next run only when it completes")
  void waitsForEachStep() {
    List<Promise<Void>> steps = new ArrayList<>();
    Future<Void> done = InTurn.forEach(List.of(1, 2, 3), i -> {
      Promise<Void> p = Promise.promise();
      steps.add(p);
      return p.future();
    });
    assertEquals(1, steps.size());
    steps.get(0).complete();
    assertEquals(2, steps.size());
    steps.get(1).complete();
    steps.get(2).complete();
    assertTrue(done.succeeded());
  }

  @Test
  @DisplayName("The first failure, returned or thrown, ends it: later steps do not run")
  void stopsAtFirstFailure() {
    RuntimeException boom = new IllegalStateException("boom");
    List<Integer> ran = new ArrayList<>();
    Future<Void> failed = InTurn.forEach(List.of(1, 2, 3), i -> {
      ran.add(i);
      return i == 2 ? Future.failedFuture(boom) : Future.succeededFuture();
    });
    assertSame(boom, failed.cause());
    assertEquals(List.of(1, 2), ran);
    Future<Void> thrown = InTurn.forEach(List.of(1, 2), i -> {
      throw boom;
    });
    assertSame(boom, thrown.cause());
  }

  @Test
  @DisplayName("Nothing to do: complete at once")
  void empty() {
    assertTrue(InTurn.forEach(List.<Integer>of(), i -> Future.succeededFuture()).succeeded());
  }

  @Test
  @DisplayName("In lanes: at most that many steps wait at once, every item runs once, and a failure fails the whole")
  void lanes() {
    List<Promise<Void>> waiting = new ArrayList<>();
    List<Integer> ran = new ArrayList<>();
    Future<Void> done = InTurn.forEach(IntStream.rangeClosed(1, 10).boxed().toList(), 3, i -> {
      ran.add(i);
      Promise<Void> p = Promise.promise();
      waiting.add(p);
      return p.future();
    });
    assertEquals(List.of(1, 2, 3), ran, "three lanes, three steps waiting");
    while (!done.isComplete()) {
      waiting.remove(0).complete();
      assertTrue(waiting.size() <= 3);
    }
    assertTrue(done.succeeded());
    assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), ran);

    RuntimeException boom = new IllegalStateException("boom");
    Future<Void> failed = InTurn.forEach(List.of(1, 2, 3, 4), 2, i -> i == 3 ? Future.failedFuture(boom) : Future.succeededFuture());
    assertSame(boom, failed.cause());
  }
}
