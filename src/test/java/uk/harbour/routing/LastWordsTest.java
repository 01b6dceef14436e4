package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

@DisplayName("A young person's last words, for a sentence sent in two messages")
@Timeout(10)
class LastWordsTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");
  private final LastWords words = new LastWords();

  private static Message said(long seq, String text, long second) {
    return new Message("cl-1", seq, 1, MessageKind.TEXT, text, "cl-1", Role.CARE_LEAVER, "Jay", "c" + seq, T.plusSeconds(second), null, null);
  }

  @Test
  @DisplayName("the words just before, within two minutes, are joined to the next")
  void joinedWithinTwoMinutes() {
    words.remember(said(1, "I want to", 0), false);
    assertEquals(Optional.of("I want to"), words.before(said(2, "end it", 120)));
    assertEquals(Optional.empty(), words.before(said(2, "end it", 121)), "later: two things said");
  }

  @Test
  @DisplayName("words that flagged on their own are not joined again, so a cleared flag is not raised by the next message")
  void flaggedWordsAreNotJoined() {
    words.remember(said(1, "I want to end it", 0), true);
    assertEquals(Optional.empty(), words.before(said(2, "ok thanks", 10)));
  }

  @Test
  @DisplayName("only the latest words count, whatever order the checks run in")
  void latestOnly() {
    words.remember(said(2, "second", 5), false);
    words.remember(said(1, "first", 0), false);
    assertEquals(Optional.of("second"), words.before(said(3, "third", 10)));
    assertEquals(Optional.empty(), words.before(said(2, "second again", 10)), "not joined to itself");
  }
}
