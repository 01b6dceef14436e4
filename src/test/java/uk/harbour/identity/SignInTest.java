package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Staff sign-in")
@Timeout(120)
class SignInTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("dana", Role.ADVISER);
    fixtures.staff("lockme", Role.ADVISER);
    fixtures.staff("idle", Role.ADVISER);
    fixtures.staff("long", Role.ADVISER);
    fixtures.staff("everywhere", Role.ADVISER);
    fixtures.staff("mo", Role.MANAGER);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A staff member signs in, and the session id changes when they do")
  void signsIn() {
    TestSession session = new TestSession(harbour);
    session.get("/signin");
    String before = session.cookie(Sessions.COOKIE);
    var response = session.signInStaff("Dana", Fixtures.PASSWORD);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("ADVISER", response.bodyAsJsonObject().getJsonObject("user").getString("role"));
    assertNotEquals(before, session.cookie(Sessions.COOKIE), "session id rotated on sign-in");
    assertEquals("dana", session.get("/api/me").bodyAsJsonObject().getJsonObject("user").getString("id"));
  }

  @Test
  @DisplayName("A wrong password and an unknown username get the same generic message")
  void genericFailure() {
    var wrong = new TestSession(harbour).signInStaff("dana", "not-the-password-at-all");
    var unknown = new TestSession(harbour).signInStaff("nobody-here", "not-the-password-at-all");
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.bodyAsJsonObject(), unknown.bodyAsJsonObject());
    assertEquals("sign_in_failed", wrong.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("Five failures make the account wait a moment, never lock it, and the slow-down is audited")
  void slowedNotLocked() {
    TestSession session = new TestSession(harbour);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, session.signInStaff("lockme", "wrong-password-" + i).statusCode());
    }
    var waiting = session.signInStaff("lockme", Fixtures.PASSWORD);
    assertEquals(429, waiting.statusCode());
    assertEquals("too_many_attempts", waiting.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(1, waiting.bodyAsJsonObject().getJsonObject("error").getInteger("retryAfter"));
    var events =
        await(harbour.harbour().services().audit().find(new AuditQuery(Optional.empty(), Optional.of(AuditAction.SIGN_IN_SLOWED), Optional.of("lockme"), Optional.empty(), Optional.empty(), 10)));
    assertEquals(1, events.size(), "the slow-down is audited once");
    harbour.clock().advance(Duration.ofSeconds(1));
    assertEquals(200, session.signInStaff("lockme", Fixtures.PASSWORD).statusCode(), "the right password works once the wait is over");
  }

  @Test
  @DisplayName("A staff session ends after 30 idle minutes")
  void idleTimeout() {
    TestSession session = fixtures.signedIn("idle");
    harbour.clock().advance(Duration.ofMinutes(29));
    assertEquals(200, session.get("/api/me").statusCode(), "still signed in after 29 minutes");
    harbour.clock().advance(Duration.ofMinutes(31));
    assertEquals(401, session.get("/api/me").statusCode(), "signed out after 31 idle minutes");
  }

  @Test
  @DisplayName("A staff session ends after 12 hours however busy they are")
  void absoluteTimeout() {
    TestSession session = fixtures.signedIn("long");
    for (int i = 0; i < 35; i++) {
      harbour.clock().advance(Duration.ofMinutes(20));
      assertEquals(200, session.get("/api/me").statusCode(), "active at step " + i);
    }
    harbour.clock().advance(Duration.ofMinutes(20));
    assertEquals(401, session.get("/api/me").statusCode(), "past 12 hours");
  }

  @Test
  @DisplayName("Signing out everywhere ends the other sessions too")
  void signOutEverywhere() {
    TestSession laptop = fixtures.signedIn("everywhere");
    TestSession phone = fixtures.signedIn("everywhere");
    harbour.clock().advance(Duration.ofSeconds(1));
    assertEquals(204, laptop.post("/api/session/everywhere", null).statusCode());
    assertEquals(401, phone.get("/api/me").statusCode());
    assertEquals(401, laptop.get("/api/me").statusCode());
  }

  @Test
  @DisplayName("Unsafe requests without a valid CSRF token are refused")
  void csrf() {
    TestSession session = fixtures.signedIn("dana");
    var noToken =
        await(session.client().post("/api/session/everywhere").putHeader("Content-Type", "application/json").sendBuffer(io.vertx.core.buffer.Buffer.buffer("{}")));
    assertEquals(403, noToken.statusCode());
    var forged =
        await(session.client().request(HttpMethod.POST, "/api/session/everywhere").putHeader("X-XSRF-TOKEN", "forged.123.abc").send());
    assertEquals(403, forged.statusCode());
    var form = await(session.client().post("/signout").sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("a", "b")));
    assertEquals(403, form.statusCode(), "a form without its hidden token");
    assertEquals(200, session.get("/api/me").statusCode(), "still signed in: nothing happened");
  }

  @Test
  @DisplayName("The sign-in form signs a manager in and sends them to the console")
  void formSignIn() {
    TestSession session = new TestSession(harbour);
    var response = session.form("/signin", java.util.Map.of("username", "mo", "password", Fixtures.PASSWORD));
    assertEquals(302, response.statusCode(), response.bodyAsString());
    assertEquals("/console", response.getHeader("Location"));
    var failed = session.form("/signin", java.util.Map.of("username", "mo", "password", "nope-nope-nope"));
    assertEquals(401, failed.statusCode());
    assertTrue(failed.bodyAsString().contains("did not match"));
  }

  @Test
  @DisplayName("Weak passwords are refused when an admin adds staff")
  void passwordPolicy() {
    fixtures.staff("root", Role.ADMIN);
    TestSession admin = fixtures.signedIn("root");
    for (String weak : new String[] {"short", "password1234", "qwertyuiop123", "newperson-secret-99"}) {
      var response =
          admin.post(
              "/api/staff",
              new JsonObject().put("username", "newperson").put("displayName", "New").put("role", "ADVISER").put("team", "t").put("password", weak));
      assertEquals(400, response.statusCode(), weak);
      assertEquals("weak_password", response.bodyAsJsonObject().getJsonObject("error").getString("code"), weak);
    }
  }
}
