package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Checked values from a JSON body or frame")
class JsonInputTest {

  private static String code(Runnable read) {
    return assertThrows(HarbourException.class, read::run).code();
  }

  private static JsonInput body(String json) {
    return JsonInput.of(json, "n");
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
}
