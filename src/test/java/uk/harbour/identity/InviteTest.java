package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Invites and a young person's sign-in")
@Timeout(120)
class InviteTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private TestSession pa;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("pat", Role.ADVISER);
  }

  @org.junit.jupiter.api.BeforeEach
  void signInPa() {
    // Some tests move the clock on by days; the PA signs in fresh each time.
    pa = fixtures.signedIn("pat");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private JsonObject redeem(TestSession session, JsonObject invite, String loginName) {
    return new JsonObject().put("code", invite.getString("code")).put("loginName", loginName).put("passphrase", "purple river toast");
  }

  @Test
  @DisplayName("An adviser's invite works once, by code or by link, and signs the young person in")
  void singleUse() {
    JsonObject invite = fixtures.careLeaver(pa, "Robin");
    assertTrue(invite.getString("link").contains("/join/"));
    assertTrue(invite.getString("code").matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), invite.getString("code"));
    TestSession phone = new TestSession(harbour);
    var joined = phone.post("/api/invites/redeem", redeem(phone, invite, "robin-s"));
    assertEquals(200, joined.statusCode(), joined.bodyAsString());
    assertEquals("CARE_LEAVER", phone.get("/api/me").bodyAsJsonObject().getJsonObject("user").getString("role"));
    TestSession again = new TestSession(harbour);
    var second = again.post("/api/invites/redeem", redeem(again, invite, "robin-two"));
    assertEquals(400, second.statusCode());
    assertEquals("invite_invalid", second.bodyAsJsonObject().getJsonObject("error").getString("code"));
    // The used link's page: 410 Gone, the join form saying so (docs/api.md, Pages).
    String path = java.net.URI.create(invite.getString("link")).getPath();
    var page = again.get(path);
    assertEquals(410, page.statusCode());
    assertTrue(page.bodyAsString().contains("has expired or has already been used"), page.bodyAsString());
  }

  @Test
  @DisplayName("An invite still works just before 7 days and not at 7 days")
  void expiry() {
    JsonObject early = fixtures.careLeaver(pa, "Early");
    JsonObject late = fixtures.careLeaver(pa, "Late");
    harbour.clock().advance(Duration.ofDays(7).minusSeconds(1));
    TestSession a = new TestSession(harbour);
    assertEquals(200, a.post("/api/invites/redeem", redeem(a, early, "early-one")).statusCode());
    harbour.clock().advance(Duration.ofSeconds(1));
    TestSession b = new TestSession(harbour);
    var expired = b.post("/api/invites/redeem", redeem(b, late, "late-one"));
    assertEquals(400, expired.statusCode());
    assertEquals("invite_invalid", expired.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("The phone stays signed in through its device cookie, until the PA revokes access")
  void deviceAndRevoke() {
    JsonObject invite = fixtures.careLeaver(pa, "Kim");
    TestSession phone = fixtures.joined(invite, "kim-k");
    String device = phone.cookie(DeviceSessions.COOKIE);
    assertNotNull(device);
    // A new browser session that only has the device cookie (the session cookie has gone).
    TestSession later = new TestSession(harbour);
    later.client().cookieStore().put(new io.netty.handler.codec.http.cookie.DefaultCookie(DeviceSessions.COOKIE, device));
    assertEquals(200, later.get("/api/me").statusCode(), "signed back in from the device cookie");
    harbour.clock().advance(Duration.ofSeconds(1));
    assertEquals(204, pa.post("/api/care-leavers/" + invite.getString("careLeaverId") + "/revoke", null).statusCode());
    TestSession afterRevoke = new TestSession(harbour);
    afterRevoke.client().cookieStore().put(new io.netty.handler.codec.http.cookie.DefaultCookie(DeviceSessions.COOKIE, device));
    assertEquals(401, afterRevoke.get("/api/me").statusCode(), "device no longer works");
    assertEquals(401, phone.get("/api/me").statusCode(), "open session ended too");
  }

  @Test
  @DisplayName("A young person signs in again with their name and passphrase; a wrong one is refused")
  void signInAgain() {
    JsonObject invite = fixtures.careLeaver(pa, "Lee");
    fixtures.joined(invite, "lee-j");
    TestSession other = new TestSession(harbour);
    var ok = other.post("/api/session/young-person", new JsonObject().put("loginName", "LEE-J").put("secret", "  Purple river   TOAST "));
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
    var wrong = new TestSession(harbour).post("/api/session/young-person", new JsonObject().put("loginName", "lee-j").put("secret", "blue river toast"));
    assertEquals(401, wrong.statusCode());
  }

  @Test
  @DisplayName("A weak passphrase, a guessable PIN and a taken sign-in name are refused with clear errors")
  void choices() {
    JsonObject invite = fixtures.careLeaver(pa, "Ash");
    TestSession phone = new TestSession(harbour);
    var weak = phone.post("/api/invites/redeem", new JsonObject().put("code", invite.getString("code")).put("loginName", "ash-a").put("passphrase", "short"));
    assertEquals("weak_secret", weak.bodyAsJsonObject().getJsonObject("error").getString("code"));
    var pin = phone.post("/api/invites/redeem", new JsonObject().put("code", invite.getString("code")).put("loginName", "ash-a").put("pin", "123456").put("word", "tiger"));
    assertEquals("weak_secret", pin.bodyAsJsonObject().getJsonObject("error").getString("code"));
    fixtures.joined(fixtures.careLeaver(pa, "Taken"), "taken-name");
    var taken = phone.post("/api/invites/redeem", new JsonObject().put("code", invite.getString("code")).put("loginName", "taken-name").put("pin", "402719").put("word", "tiger"));
    assertEquals(409, taken.statusCode());
    var good = phone.post("/api/invites/redeem", new JsonObject().put("code", invite.getString("code").toLowerCase().replace("-", " ")).put("loginName", "ash-a").put("pin", "402719").put("word", "Tiger"));
    assertEquals(200, good.statusCode(), good.bodyAsString());
    var signIn = new TestSession(harbour).post("/api/session/young-person", new JsonObject().put("loginName", "ash-a").put("secret", "402719 tiger"));
    assertEquals(200, signIn.statusCode());
  }
}
