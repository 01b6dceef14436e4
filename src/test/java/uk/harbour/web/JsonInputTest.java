package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Checked values from a JSON body or frame")
@Timeout(30)
class JsonInputTest {

  private static String code(Runnable read) {
    return assertThrows(HarbourException.class, read::run).code();
  }

  private static JsonInput body(String json) {
    return JsonInput.of(json, "n", "text");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0, 0",
    "-0, 0",
    "42, 42",
    "9223372036854775807, 9223372036854775807",
  })
  @DisplayName("a whole number is a JSON integer within its range")
  void wholeNumbers(String written, long expected) {
    assertEquals(Optional.of(expected), body("{\"n\":" + written + "}").optionalLong("n", 0, Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.5                                | wrong_type",
        "1.0                                | wrong_type",
        "1e3                                | wrong_type",
        "1E+2                               | wrong_type",
        "1e400                              | wrong_type",
        "-1e400                             | wrong_type",
        "\"3\"                              | wrong_type",
        "true                               | wrong_type",
        "[3]                                | wrong_type",
        "-1                                 | out_of_range",
        "9223372036854775808                | out_of_range",
        "18446744073709551617               | out_of_range",
        "-9223372036854775809               | out_of_range",
        "123456789012345678901234567890     | out_of_range",
        "NaN                                | bad_json",
        "Infinity                           | bad_json",
      })
  @DisplayName("anything else is refused with the same code wherever a whole number is read")
  void notWholeNumbers(String written, String expected) {
    assertEquals(expected, code(() -> body("{\"n\":" + written + "}").optionalLong("n", 0, Long.MAX_VALUE)), "optionalLong");
    assertEquals(expected, code(() -> body("{\"n\":" + written + "}").requiredInt("n", 0, Integer.MAX_VALUE)), "requiredInt");
  }

  @Test
  @DisplayName("an int field refuses what only fits a long")
  void intRange() {
    assertEquals("out_of_range", code(() -> body("{\"n\":4294967296}").requiredInt("n", 0, Integer.MAX_VALUE)));
  }

  @Test
  @DisplayName("white space is trimmed from both ends, no-break spaces included, and inner lines are kept")
  void trimming() {
    assertEquals("hello\n\tthere", body("{\"text\":\" \\u00a0\\u3000\\r\\nhello\\n\\tthere \\u2028\\u202f\\t\"}").requiredVisibleText("text", 4000));
    assertEquals("missing_field", code(() -> body("{\"text\":\" \\n\\t\\u00a0\\u2003 \"}").requiredVisibleText("text", 4000)));
    assertEquals("missing_field", code(() -> body("{\"text\":\"\"}").requiredVisibleText("text", 4000)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a null byte              | a\\u0000b",
        "a bell                   | a\\u0007b",
        "an escape                | a\\u001bb",
        "a carriage return inside | a\\rb",
        "DEL                      | a\\u007fb",
        "a C1 control             | a\\u0085b",
        "a lone high surrogate    | a\\ud83db",
        "a lone low surrogate     | a\\ude00b",
        "a high surrogate at end  | ab\\ud83d",
        "two highs                | \\ud83d\\ud83d\\ude00",
      })
  @DisplayName("control characters and broken surrogate pairs are refused, not stored as '?'")
  void badCharacters(String name, String escaped) {
    assertEquals("bad_characters", code(() -> body("{\"text\":\"" + escaped + "\"}").requiredVisibleText("text", 4000)), name);
    assertEquals("bad_characters", code(() -> body("{\"text\":\"" + escaped + "\"}").optionalString("text", 4000)), name);
  }

  @Test
  @DisplayName("a whole emoji, written as an escaped surrogate pair, is fine")
  void surrogatePair() {
    assertEquals("hi \uD83D\uDE00", body("{\"text\":\"hi \\ud83d\\ude00\"}").requiredVisibleText("text", 4000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain letters            | x",
        "an emoji                 | \uD83D\uDE00",
        "a skin-tone emoji        | \uD83D\uDC4D\uD83C\uDFFD",
        "a ZWJ family             | \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
        "a ZWJ flag               | \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
        "a regional flag          | \uD83C\uDDEC\uD83C\uDDE7",
        "e + combining acute      | e\u0301",
        "a + three combining      | a\u0301\u0302\u0303",
      })
  @DisplayName("the text limit counts what a reader sees: one per grapheme cluster")
  void visibleLength(String name, String character) {
    JsonInput exactly = body("{\"text\":\"" + character.repeat(10) + "\"}");
    assertEquals(10, VisibleText.length(exactly.requiredVisibleText("text", 10)), name);
    assertEquals("too_long", code(() -> body("{\"text\":\"" + character.repeat(11) + "\"}").requiredVisibleText("text", 10)), name);
  }
}
