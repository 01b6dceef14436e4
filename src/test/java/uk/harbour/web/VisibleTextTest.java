package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Text on one line")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VisibleTextTest {

  @Test
  @DisplayName("white space runs, newlines too, become one space, and the ends are trimmed")
  void whiteSpaceRuns() {
    assertEquals("where can I sleep", VisibleText.oneLine("  where can\r\n\r\nI \t sleep\u00a0\n", 80));
    assertEquals("no bus fare", VisibleText.oneLine("no\u00a0\u2003bus\u0085fare", 80));
  }

  @Test
  @DisplayName("a long text is cut to the characters a reader counts, with an ellipsis")
  void cutAtCharacters() {
    assertEquals("abcde…", VisibleText.oneLine("abcdef", 5));
    assertEquals("a b…", VisibleText.oneLine("a b c", 3));
    assertEquals("abcde", VisibleText.oneLine("abcde", 5));
    // A family emoji and e with a combining accent are one character each, never split.
    assertEquals("👨‍👩‍👧e\u0301…", VisibleText.oneLine("👨‍👩‍👧e\u0301xyz", 2));
    assertEquals("café 👍🏽 ok", VisibleText.oneLine("café\n\n👍🏽  ok", 80));
  }
}
