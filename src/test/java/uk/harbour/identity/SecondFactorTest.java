package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("The staff second factor (TOTP)")
@Timeout(120)
class SecondFactorTest {

  @ParameterizedTest(name = "at {0} s the code is {1}")
  @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037"})
  @DisplayName("matches the RFC 6238 test vectors (SHA-1, 6 digits)")
  void rfcVectors(long seconds, String code) {
    String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
    assertEquals(code, totp.codeNow(secret));
    assertTrue(totp.verify(secret, code));
    assertFalse(totp.verify(secret, "000000".equals(code) ? "111111" : "000000"));
  }

  @Test
  @DisplayName("a manager turns it on, then needs a code to sign in; with it required, one without it is refused")
  void enrolAndRequire() {
    try (RunningHarbour harbour =
        RunningHarbour.start(TestClock.at("2026-11-28T22:00"), new JsonObject().put("security", new JsonObject().put("requireTotpForManagers", "true")))) {
      Fixtures fixtures = new Fixtures(harbour);
      fixtures.staff("adviser1", Role.ADVISER);
      fixtures.staff("boss", Role.MANAGER);
      assertEquals(200, new TestSession(harbour).signInStaff("adviser1", Fixtures.PASSWORD).statusCode(), "advisers need no code");
      var refused = new TestSession(harbour).signInStaff("boss", Fixtures.PASSWORD);
      assertEquals(403, refused.statusCode(), "a manager without a second factor is refused while it is required");

      // An adviser can turn it on for themselves.
      TestSession adviser = fixtures.signedIn("adviser1");
      JsonObject started = adviser.post("/api/me/second-factor", null).bodyAsJsonObject();
      assertTrue(started.getString("uri").startsWith("otpauth://totp/Harbour:adviser1?secret="));
      var wrong = adviser.post("/api/me/second-factor/confirm", new JsonObject().put("code", "000000"));
      assertEquals("wrong_code", wrong.bodyAsJsonObject().getJsonObject("error").getString("code"));
      String code = new Totp(harbour.clock()).codeNow(started.getString("secret"));
      assertEquals(204, adviser.post("/api/me/second-factor/confirm", new JsonObject().put("code", code)).statusCode());

      // Replacing it needs a code from the app in use now, so a session left open cannot move it to another phone.
      String otherSecret = adviser.post("/api/me/second-factor", null).bodyAsJsonObject().getString("secret");
      String otherCode = new Totp(harbour.clock()).codeNow(otherSecret);
      var noCurrent = adviser.post("/api/me/second-factor/confirm", new JsonObject().put("code", otherCode));
      assertEquals("current_code_required", noCurrent.bodyAsJsonObject().getJsonObject("error").getString("code"));
      String wrongCurrent = "123456".equals(code) ? "654321" : "123456";
      for (int i = 1; i < SecondFactorApi.WRONG_CURRENT_LIMIT; i++) {
        var wrongOne = adviser.post("/api/me/second-factor/confirm", new JsonObject().put("code", otherCode).put("currentCode", wrongCurrent));
        assertEquals("wrong_current_code", wrongOne.bodyAsJsonObject().getJsonObject("error").getString("code"));
      }
      var tooMany = adviser.post("/api/me/second-factor/confirm", new JsonObject().put("code", otherCode).put("currentCode", wrongCurrent));
      assertEquals(401, tooMany.statusCode(), "the session ends after " + SecondFactorApi.WRONG_CURRENT_LIMIT + " wrong codes");
      assertEquals(401, adviser.get("/api/me").statusCode(), "signed out");
      assertEquals(SecondFactorApi.WRONG_CURRENT_LIMIT, RunningHarbour.await(harbour.harbour().services().audit().find(new AuditQuery(
          Optional.empty(), Optional.of(AuditAction.SECOND_FACTOR_REFUSED), Optional.of("adviser1"), Optional.empty(), Optional.empty(), 10))).size(),
          "each wrong code is audited");

      TestSession again = new TestSession(harbour);
      assertEquals(200, again.post("/api/session", new JsonObject().put("username", "adviser1").put("password", Fixtures.PASSWORD).put("code", code)).statusCode(),
          "the first phone's code still signs in");
      String newSecret = again.post("/api/me/second-factor", null).bodyAsJsonObject().getString("secret");
      assertEquals(204, again.post("/api/me/second-factor/confirm",
          new JsonObject().put("code", new Totp(harbour.clock()).codeNow(newSecret)).put("currentCode", code)).statusCode(), "replaced with the current code");
      code = new Totp(harbour.clock()).codeNow(newSecret);

      var noCode = new TestSession(harbour).signInStaff("adviser1", Fixtures.PASSWORD);
      assertEquals(401, noCode.statusCode());
      assertEquals("code_required", noCode.bodyAsJsonObject().getJsonObject("error").getString("code"));
      var badCode = new TestSession(harbour).post("/api/session", new JsonObject().put("username", "adviser1").put("password", Fixtures.PASSWORD).put("code", "123456".equals(code) ? "654321" : "123456"));
      assertEquals(401, badCode.statusCode());
      var withCode = new TestSession(harbour).post("/api/session", new JsonObject().put("username", "adviser1").put("password", Fixtures.PASSWORD).put("code", code));
      assertEquals(200, withCode.statusCode(), withCode.bodyAsString());
    }
  }
}
