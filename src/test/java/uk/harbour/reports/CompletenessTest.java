package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.TestClock;

@DisplayName("The reports' completeness mark decides when a start must fold every conversation")
@Timeout(10)
class CompletenessTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-28T22:00:00Z"));
  private final Marks marks = new Marks();
  private final Completeness completeness = new Completeness(marks, clock);

  /** The mark alone: the watermarks play no part in the decision. */
  private static final class Marks implements ReportProgressRepository {
    final List<Instant> written = new ArrayList<>();

    @Override
    public Future<Void> save(Collection<ConversationFold.Progress> progress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Map<String, ConversationFold.Progress>> find(List<String> conversationIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<Instant>> completeAt() {
      return Future.succeededFuture(written.isEmpty() ? Optional.empty() : Optional.of(written.get(written.size() - 1)));
    }

    @Override
    public Future<Void> complete(Instant at) {
      written.add(at);
      return Future.succeededFuture();
    }
  }

  private boolean everyConversationNeeded() {
    return completeness.everyConversationNeeded(clock.instant()).result();
  }

  @Test
  @DisplayName("Never complete (a new store, or watermarks lost): every conversation")
  void neverComplete() {
    assertTrue(everyConversationNeeded());
  }

  @Test
  @DisplayName("Complete up to six days ago: only those held; any longer (Harbour down for a week): every conversation")
  void sixDays() {
    completeness.caughtUp(clock.instant());
    clock.advance(Completeness.TRUSTED_FOR);
    assertFalse(everyConversationNeeded());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(everyConversationNeeded());
  }

  @Test
  @DisplayName("A running writer renews the mark at most hourly, and only after the start's catch-up is written")
  void renewedHourly() {
    Instant start = clock.instant();
    completeness.flushed(start);
    assertTrue(marks.written.isEmpty(), "not before the start's catch-up");
    completeness.caughtUp(start);
    clock.advance(Duration.ofMinutes(59));
    completeness.flushed(clock.instant());
    assertEquals(List.of(start), marks.written);
    clock.advance(Duration.ofMinutes(1));
    completeness.flushed(clock.instant());
    assertEquals(List.of(start, clock.instant()), marks.written);
  }

  @Test
  @DisplayName("After a fold fails the mark is no longer renewed, so it ages until a start folds everything again")
  void notRenewedAfterAFailedFold() {
    completeness.caughtUp(clock.instant());
    completeness.foldFailed();
    clock.advance(Duration.ofDays(7));
    completeness.flushed(clock.instant());
    assertEquals(1, marks.written.size());
    assertTrue(everyConversationNeeded());
  }
}
