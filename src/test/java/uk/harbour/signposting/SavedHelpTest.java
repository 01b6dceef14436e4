package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.TestClock;
import uk.harbour.web.HarbourException;

/** My saved help's answers when saves race or the list is full; the store side is in SavedHelpRepositoryTest. */
@DisplayName("My saved help")
@Timeout(30)
class SavedHelpTest {

  private final TestClock clock = TestClock.at("2026-11-24T21:00");
  private final Signposting signposting = CatalogueFixtures.signposting(clock);

  @Test
  @DisplayName("reads again and keeps both when another save got in first")
  void retriesAfterLosingARace() {
    RacingRepository repository = new RacingRepository(2);
    Future<?> saved = new SavedHelp(repository, signposting, clock).save("ash", "samaritans");

    assertTrue(saved.succeeded(), String.valueOf(saved.cause()));
    assertEquals(3, repository.attempts);
    assertEquals(List.of("samaritans", "other"), repository.cards.stream().map(SavedHelpRepository.SavedCard::entryId).toList());
  }

  @Test
  @DisplayName("gives up with a clear 409 when the list keeps changing underneath it")
  void givesUpWhenAlwaysBeaten() {
    Future<?> saved = new SavedHelp(new RacingRepository(Integer.MAX_VALUE), signposting, clock).save("ash", "samaritans");

    HarbourException error = assertInstanceOf(HarbourException.class, saved.cause());
    assertEquals(409, error.status());
    assertEquals("busy", error.code());
  }

  @Test
  @DisplayName("refuses a 51st card with a clear 409 and writes nothing")
  void refusesWhenFull() {
    RacingRepository repository = new RacingRepository(0);
    for (int i = 0; i < SavedHelp.MAX_SAVED; i++) {
      repository.cards.add(new SavedHelpRepository.SavedCard("entry-" + i, 1, new JsonObject(), Instant.EPOCH));
    }
    Future<?> saved = new SavedHelp(repository, signposting, clock).save("ash", "samaritans");

    HarbourException error = assertInstanceOf(HarbourException.class, saved.cause());
    assertEquals(409, error.status());
    assertEquals("too_many_saved", error.code());
    assertEquals(0, repository.attempts);
  }

  /** Loses the first {@code losses} writes to another save, which adds an "other" card each time. */
  private static final class RacingRepository implements SavedHelpRepository {
    private final int losses;
    private final List<SavedCard> cards = new ArrayList<>();
    private long version;
    private int attempts;

    RacingRepository(int losses) {
      this.losses = losses;
    }

    @Override
    public Future<Saved> find(String careLeaverId) {
      return Future.succeededFuture(new Saved(cards, version));
    }

    @Override
    public Future<Boolean> replace(String careLeaverId, long read, List<SavedCard> next) {
      attempts++;
      if (attempts <= losses) {
        cards.removeIf(c -> c.entryId().equals("other"));
        cards.add(new SavedCard("other", 1, new JsonObject(), Instant.EPOCH));
        version++;
      }
      if (read != version) {
        return Future.succeededFuture(false);
      }
      cards.clear();
      cards.addAll(next);
      version++;
      return Future.succeededFuture(true);
    }
  }
}
