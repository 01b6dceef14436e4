package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A conversation's ordered chain")
@Timeout(10)
class ConversationSlotTest {

  @Test
  @DisplayName("runs steps one after another and says how many wait and for how long, for a diagnosis of a stuck one")
  void countsItsSteps() {
    ConversationSlot slot = new ConversationSlot();
    Promise<Void> first = Promise.promise();
    Promise<Void> second = Promise.promise();
    boolean[] secondRan = new boolean[1];
    slot.enqueue(s -> first.future());
    slot.enqueue(s -> {
      secondRan[0] = true;
      return second.future();
    });
    assertEquals(2, slot.steps());
    assertFalse(secondRan[0], "waits for the first");
    assertTrue(slot.busyFor().compareTo(Duration.ZERO) > 0);

    first.complete();
    assertTrue(secondRan[0], "runs once the first is done");
    assertEquals(1, slot.steps());
    second.fail("a failed step still ends");
    assertEquals(0, slot.steps());
    assertEquals(Duration.ZERO, slot.busyFor(), "at rest");
  }
}
