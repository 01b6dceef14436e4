package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.HexFormat;
import uk.harbour.identity.CsrfTokenHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import static uk.harbour.testing.RunningHarbour.await;

@DisplayName("HTTP JSON bodies are read strictly, with the same number rule as the socket")
@Timeout(120)
class StrictBodyTest {

  private static final String PERSON = "\"firstName\":\"Ari\",\"dateOfBirth\":\"2006-04-01\"";

  private static RunningHarbour harbour;
  private static TestSession adviser;
  private static TestSession manager;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("pa", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    adviser = fixtures.signedIn("pa");
    manager = fixtures.signedIn("jo");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static String code(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static int careLeavers() {
    return adviser.get("/api/care-leavers").bodyAsJsonObject().getJsonArray("careLeavers").size();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a block comment    | {PERSON /* note */}",
        "a line comment     | `{PERSON} // note`",
        "single quotes      | {'firstName':'Ari','dateOfBirth':'2006-04-01'}",
        "a trailing comma   | {PERSON,}",
        "an unquoted name   | {firstName:\"Ari\",\"dateOfBirth\":\"2006-04-01\"}",
        "NaN                | {PERSON,\"paUsername\":NaN}",
        "a leading zero     | {PERSON,\"paUsername\":007}",
        "trailing garbage   | {PERSON}]",
        "two objects        | {PERSON}{PERSON}",
        "a duplicate key    | {PERSON,\"firstName\":\"Bo\"}",
      })
  @DisplayName("non-standard JSON is 400 bad_json and nothing is stored")
  void strictBodies(String name, String body) {
    int before = careLeavers();
    var response = adviser.post("/api/care-leavers", body.replace("PERSON", PERSON));
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals("bad_json", code(response), name);
    assertEquals(before, careLeavers(), "nothing stored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a lone continuation byte | 80",
        "a byte never in UTF-8    | ff",
        "a sequence cut short     | e282",
        "an overlong slash        | c0af",
        "an encoded surrogate     | eda080",
      })
  @DisplayName("a body whose bytes are not UTF-8 is 400 bad_json and nothing is stored, not stored with U+FFFD")
  void bytesThatAreNotUtf8(String name, String hex) {
    int before = careLeavers();
    Buffer body = Buffer.buffer("{\"firstName\":\"Ari").appendBytes(HexFormat.of().parseHex(hex)).appendString("\",\"dateOfBirth\":\"2006-04-01\"}");
    var response =
        await(adviser.client().post("/api/care-leavers").putHeader(CsrfTokenHandler.FIELD, adviser.csrf()).putHeader("Content-Type", "application/json").sendBuffer(body));
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals("bad_json", code(response), name);
    assertEquals(before, careLeavers(), "nothing stored");
  }

  @Test
  @DisplayName("the same body in standard JSON is accepted")
  void standardBody() {
    assertEquals(201, adviser.post("/api/care-leavers", "{" + PERSON + "}").statusCode());
  }

  @ParameterizedTest(name = "version {0} → {1}")
  @CsvSource({
    "1e400, wrong_type",
    "1e3, wrong_type",
    "1.0, wrong_type",
    "1.5, wrong_type",
    "-1, out_of_range",
    "99999999999999999999, out_of_range",
  })
  @DisplayName("a whole-number field refuses decimals, exponents and huge values as the socket does")
  void wholeNumbers(String version, String expected) {
    var response = manager.json(HttpMethod.PUT, "/api/rota", "{\"version\":" + version + "}");
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals(expected, code(response));
  }

  @Test
  @DisplayName("an amount of 1e400 pounds is refused with 400, not a 500")
  void hugeAmount() {
    String entry = "{\"id\":\"huge-grant\",\"category\":\"advice\",\"name\":\"Huge\",\"summary\":\"A summary\","
        + "\"eligibility\":{\"text\":\"Anyone\"},\"contact\":{\"phone\":\"0161 496 0999\"},\"hours\":{\"always\":true},"
        + "\"source\":\"https://example.org/\",\"amount\":{\"value\":1e400,\"period\":\"once\"}}";
    var response = manager.post("/api/signposting/entries", entry);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals("bad_amount", code(response));
  }
}
