package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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

/**
 * Sign-in slows guessing per address and per account but never lets a stranger lock a person out.
 * Each test uses its own loopback addresses (127.0.0.x) and accounts, since one Harbour serves them
 * all.
 */
@DisplayName("Sign-in throttling")
@Timeout(120)
class SignInThrottleTest {

  private static final String WRONG = "not-the-password-at-all";

  private static RunningHarbour harbour;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    fixtures = new Fixtures(harbour);
    for (String username : List.of("oncall", "target", "growing", "alike", "spent", "pa")) {
      fixtures.staff(username, Role.ADVISER);
    }
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A stranger's 50 wrong tries from another address do not stop the right password from a browser that signed in before")
  void strangerCannotLockOut() {
    TestSession known = fixtures.signedIn("oncall");
    assertNotNull(known.cookie(KnownBrowsers.COOKIE), "a successful sign-in makes the browser known");
    assertEquals(204, known.json(io.vertx.core.http.HttpMethod.DELETE, "/api/session", null).statusCode());

    TestSession stranger = from("127.0.0.2");
    int refused = 0;
    for (int i = 0; i < 50; i++) {
      var answer = stranger.signInStaff("oncall", WRONG + i);
      if (answer.statusCode() == 429) {
        refused++;
        harbour.clock().advance(Duration.ofSeconds(retryAfter(answer)));
      } else {
        assertEquals(401, answer.statusCode(), answer.bodyAsString());
      }
    }
    assertTrue(refused > 0, "the stranger was slowed");
    failUntilCounted(() -> stranger.signInStaff("oncall", WRONG));

    var again = stranger.signInStaff("oncall", WRONG);
    assertEquals(429, again.statusCode(), "the stranger must wait");
    assertEquals("too_many_attempts", code(again));
    assertEquals(String.valueOf(retryAfter(again)), again.getHeader("Retry-After"));
    assertTrue(retryAfter(again) <= 15 * 60, "every wait ends within 15 minutes: " + retryAfter(again));

    assertEquals(429, new TestSession(harbour).signInStaff("oncall", Fixtures.PASSWORD).statusCode(), "an unknown browser waits too");
    var signIn = known.signInStaff("oncall", Fixtures.PASSWORD);
    assertEquals(200, signIn.statusCode(), "the known browser signs in at once: " + signIn.bodyAsString());
    assertEquals("oncall", known.get("/api/me").bodyAsJsonObject().getJsonObject("user").getString("id"));
  }

  @Test
  @DisplayName("An address with too many failures waits, whichever account it tries next; other addresses do not")
  void addressIsSlowed() {
    TestSession stranger = from("127.0.0.3");
    for (int i = 0; i < 10; i++) {
      assertEquals(401, stranger.signInStaff("no-such-person-" + i, WRONG).statusCode(), "free failure " + i);
    }
    var next = stranger.signInStaff("target", WRONG);
    assertEquals(429, next.statusCode(), "the address waits, even for an account it never tried");
    assertEquals(1, retryAfter(next));
    assertEquals(401, from("127.0.0.4").signInStaff("target", WRONG).statusCode(), "another address is not held up");
    var slowed = await(harbour.harbour().services().audit().find(
        new AuditQuery(Optional.empty(), Optional.of(AuditAction.SIGN_IN_SLOWED), Optional.of("no-such-person-9"), Optional.empty(), Optional.empty(), 10)));
    assertEquals(1, slowed.size(), "the start of the slow-down is audited");
  }

  @Test
  @DisplayName("Each failure past the first five doubles an account's wait")
  void accountDelaysGrow() {
    TestSession stranger = from("127.0.0.5");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, stranger.signInStaff("growing", WRONG).statusCode(), "free failure " + i);
    }
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      var refused = stranger.signInStaff("growing", WRONG);
      assertEquals(429, refused.statusCode());
      waits.add(retryAfter(refused));
      harbour.clock().advance(Duration.ofSeconds(retryAfter(refused)));
      assertEquals(401, stranger.signInStaff("growing", WRONG).statusCode(), "let through once the wait is over");
    }
    assertEquals(List.of(1L, 2L, 4L, 8L), waits);
  }

  @Test
  @DisplayName("An unknown username gets exactly the answers a real one gets, failure after failure")
  void unknownAndKnownAlike() {
    assertEquals(answers("127.0.0.6", "alike"), answers("127.0.0.7", "nobody-by-that-name"));
  }

  @Test
  @DisplayName("A known browser has five wrong tries of its own, then waits like any other")
  void knownBrowserHasItsOwnLimit() {
    TestSession known = fixtures.signedIn("spent");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, from("127.0.0.8").signInStaff("spent", WRONG).statusCode());
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(401, known.signInStaff("spent", WRONG).statusCode(), "the known browser's own failure " + i);
    }
    assertEquals(429, known.signInStaff("spent", Fixtures.PASSWORD).statusCode(), "no longer treated as known");
  }

  @Test
  @DisplayName("A stranger cannot keep a young person out of the phone they signed in on, nor stop anyone joining")
  void youngPeople() {
    TestSession pa = fixtures.signedIn("pa");
    TestSession phone = fixtures.joined(fixtures.careLeaver(pa, "Jay"), "jay-throttle");
    JsonObject newcomersInvite = fixtures.careLeaver(pa, "Sam");
    assertEquals(204, phone.json(io.vertx.core.http.HttpMethod.DELETE, "/api/session", null).statusCode());

    TestSession stranger = from("127.0.0.9");
    for (int i = 0; i < 50; i++) {
      var answer = stranger.post("/api/session/young-person", new JsonObject().put("loginName", "jay-throttle").put("secret", "wrong guess " + i));
      if (answer.statusCode() == 429) {
        harbour.clock().advance(Duration.ofSeconds(retryAfter(answer)));
      }
    }
    failUntilCounted(() -> stranger.post("/api/session/young-person", new JsonObject().put("loginName", "jay-throttle").put("secret", "wrong again")));
    assertEquals(429, stranger.post("/api/session/young-person", new JsonObject().put("loginName", "jay-throttle").put("secret", "wrong again")).statusCode());
    var signIn = phone.post("/api/session/young-person", new JsonObject().put("loginName", "jay-throttle").put("secret", "purple river toast"));
    assertEquals(200, signIn.statusCode(), signIn.bodyAsString());

    TestSession codeGuesser = from("127.0.0.10");
    for (int i = 0; i < 12; i++) {
      codeGuesser.post("/api/invites/redeem", new JsonObject().put("code", "AAAA-AAA" + (i % 10)).put("loginName", "guesser").put("passphrase", "purple river toast"));
    }
    TestSession newcomer = fixtures.joined(newcomersInvite, "sam-joins");
    assertEquals(200, newcomer.get("/api/me").statusCode(), "bad codes from elsewhere do not stop a young person joining");
  }

  /** Eight wrong tries on {@code username} from {@code address}, waiting out each wait: every answer. */
  private List<String> answers(String address, String username) {
    TestSession from = from(address);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      var answer = from.signInStaff(username, WRONG);
      answers.add(answer.statusCode() + " " + answer.getHeader("Retry-After") + " " + answer.bodyAsString());
      if (answer.statusCode() == 429) {
        harbour.clock().advance(Duration.ofSeconds(retryAfter(answer)));
      }
    }
    return answers;
  }

  /** Tries until a failure is counted (not refused), so the account is waiting afterwards. */
  private static void failUntilCounted(Supplier<HttpResponse<Buffer>> wrongTry) {
    var answer = wrongTry.get();
    while (answer.statusCode() == 429) {
      harbour.clock().advance(Duration.ofSeconds(retryAfter(answer)));
      answer = wrongTry.get();
    }
    assertEquals(401, answer.statusCode());
  }

  private static TestSession from(String address) {
    return new TestSession(harbour, harbour.httpFrom(address));
  }

  private static long retryAfter(HttpResponse<Buffer> answer) {
    return answer.bodyAsJsonObject().getJsonObject("error").getLong("retryAfter");
  }

  private static String code(HttpResponse<Buffer> answer) {
    return answer.bodyAsJsonObject().getJsonObject("error").getString("code");
  }
}
