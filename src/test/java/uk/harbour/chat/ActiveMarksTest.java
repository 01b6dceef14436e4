package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A conversation's mark is written when it is missing or due again, not on every load")
@Timeout(30)
class ActiveMarksTest {

  private static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

  /** The marks in the store at start, and every mark written since. */
  private final List<ActiveConversationRepository.Mark> stored = List.of(new ActiveConversationRepository.Mark("jay", NOW.minus(Duration.ofDays(30))));
  private final List<String> written = new ArrayList<>();
  private final ActiveMarks marks = new ActiveMarks(new ActiveConversationRepository() {
    @Override
    public Future<Optional<List<Mark>>> all() {
      return Future.succeededFuture(Optional.of(stored));
    }

    @Override
    public Future<Void> mark(String id, Instant at) {
      written.add(id);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> build(List<String> ids, Instant at) {
      written.addAll(ids);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> unmark(Mark mark) {
      return Future.succeededFuture();
    }
  }, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  @DisplayName("Loading a conversation found behind its snapshot marks it only if it has no mark, however old the mark it has")
  void loadingMarksOnlyTheUnmarked() {
    marks.read();

    marks.ifUnmarked("jay");
    assertEquals(List.of(), written, "a month-old mark is still a mark: the next start loads it");
    marks.ifUnmarked("kai");
    assertEquals(List.of("kai"), written, "history written outside the chat core gets its mark");
  }

  @Test
  @DisplayName("Storing into a conversation renews a mark older than a day, so a start never unmarks one being written into")
  void storingRenewsAnOldMark() {
    marks.read();

    marks.beforeStoring("jay");
    marks.beforeStoring("jay");
    assertEquals(List.of("jay"), written, "renewed once, then recent");
  }
}
