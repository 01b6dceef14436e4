package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Hostile input to the identity API")
@Timeout(120)
class BadInputTest {

  private static RunningHarbour harbour;
  private static TestSession admin;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("root", Role.ADMIN);
    fixtures.staff("pa", Role.ADVISER);
    admin = fixtures.signedIn("root");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private int careLeaverCount() {
    return admin.get("/api/care-leavers").bodyAsJsonObject().getJsonArray("careLeavers").size();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "malformed JSON          | {\"firstName\": \"A\",               | bad_json",
        "an array                | [1,2,3]                               | bad_json",
        "a string                | `\"hello\"`                           | bad_json",
        "empty body              | ``                                    | bad_json",
        "missing first name      | {\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"pa\"} | missing_field",
        "over-long first name    | {\"firstName\":\"LONG\",\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"pa\"} | too_long",
        "wrong type              | {\"firstName\":42,\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"pa\"} | wrong_type",
        "a $ operator key        | {\"firstName\":\"A\",\"dateOfBirth\":\"2005-01-01\",\"paUsername\":{\"$ne\":null}} | bad_key",
        "a dotted key            | {\"firstName\":\"A\",\"dateOfBirth\":\"2005-01-01\",\"pa.Username\":\"pa\"} | bad_key",
        "an unknown field        | {\"firstName\":\"A\",\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"pa\",\"active\":false} | unknown_field",
        "a bad date              | {\"firstName\":\"A\",\"dateOfBirth\":\"31/12/2005\",\"paUsername\":\"pa\"} | bad_date",
        "too young               | {\"firstName\":\"A\",\"dateOfBirth\":\"2015-01-01\",\"paUsername\":\"pa\"} | not_eligible",
        "an unknown adviser      | {\"firstName\":\"A\",\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"nobody\"} | unknown_adviser",
        "control characters      | {\"firstName\":\"A\\u0000B\",\"dateOfBirth\":\"2005-01-01\",\"paUsername\":\"pa\"} | bad_characters"
      })
  @DisplayName("adding a young person refuses bad input with 400 and stores nothing")
  void addYoungPerson(String name, String body, String code) {
    int before = careLeaverCount();
    var response = admin.post("/api/care-leavers", body.replace("LONG", "x".repeat(61)));
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(code, response.bodyAsJsonObject().getJsonObject("error").getString("code"), name);
    assertEquals(before, careLeaverCount(), "nothing stored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"action=NOT_AN_ACTION, bad_filter", "from=28/11/2026, bad_date", "actor=$where, bad_filter"})
  @DisplayName("the audit log refuses bad filters with 400")
  void auditFilters(String query, String code) {
    var response = admin.get("/api/audit?" + query);
    assertEquals(400, response.statusCode(), query);
    assertEquals(code, response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("a JSON route refuses a form body with 415")
  void wrongContentType() {
    String token = admin.csrf();
    var response =
        RunningHarbour.await(
            admin.client().post("/api/care-leavers").putHeader("X-XSRF-TOKEN", token).putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("firstName=A")));
    assertEquals(415, response.statusCode());
  }

  @Test
  @DisplayName("sign-in refuses $-operators instead of matching any account")
  void operatorInSignIn() {
    TestSession anonymous = new TestSession(harbour);
    var response = anonymous.post("/api/session", "{\"username\":{\"$gt\":\"\"},\"password\":\"x\"}");
    assertEquals(400, response.statusCode());
    assertEquals(401, anonymous.get("/api/me").statusCode());
  }

  @Test
  @DisplayName("a staff account cannot be given a made-up role or an unknown field")
  void staffBadRole() {
    var role = admin.post("/api/staff", "{\"username\":\"x1\",\"displayName\":\"X\",\"role\":\"OWNER\",\"team\":\"t\",\"password\":\"" + Fixtures.PASSWORD + "\"}");
    assertEquals("bad_role", role.bodyAsJsonObject().getJsonObject("error").getString("code"));
    var extra = admin.post("/api/staff", "{\"username\":\"x2\",\"displayName\":\"X\",\"role\":\"ADMIN\",\"team\":\"t\",\"password\":\"" + Fixtures.PASSWORD + "\",\"active\":true}");
    assertEquals("unknown_field", extra.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertFalse(admin.get("/api/staff").bodyAsString().contains("\"x1\""));
    assertEquals(200, harbour.http().get("/health/live").send().toCompletionStage().toCompletableFuture().join().statusCode(), "still running");
  }
}
