package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Strict JSON: one value exactly as RFC 8259 writes it")
@Timeout(30)
class StrictJsonTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a block comment          | {\"type\":\"queue\" /* hi */}",
        "a line comment           | `{\"type\":\"queue\"} // hi`",
        "a hash comment           | `# hi\n{\"type\":\"queue\"}`",
        "single quotes            | {'type':'queue'}",
        "a trailing comma         | {\"type\":\"queue\",}",
        "a trailing comma in list | {\"a\":[1,2,]}",
        "an unquoted name         | {type:\"queue\"}",
        "NaN                      | {\"a\":NaN}",
        "Infinity                 | {\"a\":Infinity}",
        "-Infinity                | {\"a\":-Infinity}",
        "a leading zero           | {\"a\":01}",
        "a leading plus           | {\"a\":+1}",
        "a bare decimal point     | {\"a\":.5}",
        "a duplicate key          | {\"type\":\"send\",\"type\":\"queue\"}",
        "a nested duplicate key   | {\"a\":{\"b\":1,\"b\":2}}",
        "trailing garbage         | {\"type\":\"queue\"}x",
        "a second object          | {\"type\":\"queue\"} {\"type\":\"queue\"}",
        "an unclosed object       | {\"type\":\"queue\"",
        "an unescaped control     | `{\"a\":\"x\u0001y\"}`",
        "a bad escape             | {\"a\":\"\\x41\"}",
        "nothing                  | ``",
        "only white space         | `   `",
        "a huge exponent          | {\"a\":1e999999999}",
      })
  @DisplayName("non-standard JSON is refused")
  void refuses(String name, String text) {
    assertThrows(StrictJson.Invalid.class, () -> StrictJson.parse(text), name);
  }

  @Test
  @DisplayName("deep nesting is refused without a stack overflow")
  void deepNesting() {
    assertThrows(StrictJson.Invalid.class, () -> StrictJson.parse("[".repeat(5000) + "]".repeat(5000)));
  }

  @Test
  @DisplayName("standard JSON becomes Vert.x values, with escapes and surrounding white space")
  void reads() {
    JsonObject json = (JsonObject) StrictJson.parse(" {\"a\":\"\\u00e9\\n\",\"b\":[true,false,null],\"c\":{\"d\":\"\"}} \n");
    assertEquals("é\n", json.getString("a"));
    assertEquals(new JsonArray().add(true).add(false).addNull(), json.getJsonArray("b"));
    assertEquals("", json.getJsonObject("c").getString("d"));
  }

  @Test
  @DisplayName("whole numbers stay integers and every other number is an exact decimal, never infinity")
  void numbers() {
    JsonObject json = (JsonObject) StrictJson.parse(
        "{\"int\":7,\"negZero\":-0,\"long\":9007199254740993,\"huge\":123456789012345678901234567890,"
            + "\"fraction\":1.5,\"one\":1.0,\"exp\":1e3,\"far\":1e400}");
    assertEquals(7, json.getValue("int"));
    assertEquals(0, json.getValue("negZero"));
    assertEquals(9007199254740993L, json.getValue("long"));
    assertEquals(new BigInteger("123456789012345678901234567890"), json.getValue("huge"));
    assertEquals(new BigDecimal("1.5"), json.getValue("fraction"));
    assertInstanceOf(BigDecimal.class, json.getValue("one"));
    assertInstanceOf(BigDecimal.class, json.getValue("exp"));
    assertEquals(new BigDecimal("1e400"), json.getValue("far"));
  }
}
