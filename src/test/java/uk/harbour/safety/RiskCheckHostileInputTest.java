package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check runs on the event loop for every message, so hostile text must stay cheap. The bound
 * here is generous (a shared, busy test machine); measured on a quiet one, the worst of these takes
 * about 2 ms and a typical message about 10 µs. LexiconPatternTest shows why by design: no phrase
 * can backtrack without bound.
 */
@DisplayName("The risk check stays fast on hostile input")
@Timeout(60)
class RiskCheckHostileInputTest {

  /** Far above the few milliseconds measured: this catches a blow-up (seconds), not noise. */
  private static final long BOUND_MS = 250;

  private static RiskCheck check;

  @BeforeAll
  static void load() throws Exception {
    check = new RiskCheck(RiskLexicon.parse(Files.readString(RiskTableTest.LEXICON)));
  }

  static List<String> hostile() {
    return List.of(
        "a ".repeat(2000),
        "a".repeat(4000),
        "i ".repeat(2000),
        "1".repeat(4000),
        "k1".repeat(2000),
        "he ".repeat(1333),
        "he is going to ".repeat(266),
        "kill ".repeat(800),
        "s u i c i d e ".repeat(285),
        "my mum will kill me if ".repeat(180),
        "want to ".repeat(500),
        "od ".repeat(1333),
        "! ".repeat(2000),
        "\uFDFA".repeat(4000), // one character that decomposes into 18
        "a" + "\u0301".repeat(60_000), // one visible character, 60,000 accents
        "😂".repeat(4000),
        randomWords(4000));
  }

  private static String randomWords(int length) {
    String[] words = {"i", "want", "to", "he", "kill", "me", "my", "mum", "is", "going", "a", "knife", "the", "not", "sh", "od", "1", "s"};
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    return text.substring(0, length);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostile")
  @DisplayName("A long hostile text is checked well within the bound")
  void hostileTextIsCheap(String text) {
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      check.check(text);
      best = Math.min(best, System.nanoTime() - start);
    }
    long ms = best / 1_000_000;
    assertTrue(ms < BOUND_MS, "took " + ms + " ms");
  }

  @Test
  @DisplayName("A flag deep inside a long text is still found")
  void deepMatchFound() {
    assertTrue(check.check("la ".repeat(1300) + "i want to die" + " la".repeat(5)).flag());
    assertFalse(check.check("la ".repeat(1300)).flag());
  }
}
