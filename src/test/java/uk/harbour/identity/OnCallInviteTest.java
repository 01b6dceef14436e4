package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/**
 * A forgotten passphrase on a Wednesday evening: Ali is on call (Rotas.wednesdayEvening), Jay's PA
 * is Sam. Ali checks who Jay is and makes him a new invite; nobody else can, and every try is audited.
 */
@DisplayName("A new invite from whoever is on call")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OnCallInviteTest {

  private static final String CHECKED = "Called back on the number Sam has for him; he knew his PA's name and his college.";

  private RunningHarbour harbour;
  private Fixtures fixtures;
  private TestSession ali;
  private TestSession jo;
  private JsonObject jay;

  @BeforeAll
  void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-25T19:30"));
    fixtures = new Fixtures(harbour);
    for (String adviser : new String[] {"sam", "ali", "priya", "kim"}) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    ali = fixtures.signedIn("ali");
    jo = fixtures.signedIn("jo");
    jay = fixtures.careLeaver(fixtures.signedIn("sam"), "Jay");
    fixtures.joined(jay, "jay-forgot");
  }

  @AfterAll
  void stop() {
    harbour.close();
  }

  private static JsonObject request(String name, String dateOfBirth) {
    return new JsonObject().put("name", name).put("dateOfBirth", dateOfBirth).put("checked", CHECKED);
  }

  private JsonArray audited(String action) {
    var response = jo.get("/api/audit?action=" + action);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("events");
  }

  @Test
  @DisplayName("The on-call adviser, though not his PA, gets a new code for Jay by his sign-in name and date of birth; he joins again with it")
  void onCallAdviserReissues() {
    var response = ali.post("/api/on-call/invites", request("Jay-Forgot", "2006-04-01"));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    JsonObject invite = response.bodyAsJsonObject();
    assertEquals(jay.getString("careLeaverId"), invite.getString("careLeaverId"));
    assertEquals("Jay", invite.getString("firstName"));

    TestSession phone = new TestSession(harbour);
    var joined = phone.post("/api/invites/redeem",
        new JsonObject().put("code", invite.getString("code")).put("loginName", "jay-forgot").put("passphrase", "green window biscuit"));
    assertEquals(200, joined.statusCode(), joined.bodyAsString());

    JsonObject entry = Eventually.eventually(() -> audited("ON_CALL_INVITE"), events -> !events.isEmpty()).getJsonObject(0);
    assertEquals("ali", entry.getString("actorId"));
    assertEquals(jay.getString("careLeaverId"), entry.getString("subjectId"));
    assertEquals(CHECKED, entry.getJsonObject("detail").getString("checked"));
  }

  @Test
  @DisplayName("A wrong date of birth finds nobody (404) and is audited; two young people who fit need the sign-in name (409)")
  void mustFitExactlyOne() {
    var wrong = ali.post("/api/on-call/invites", request("jay-forgot", "2006-04-02"));
    assertEquals(404, wrong.statusCode());
    assertEquals("not_found", wrong.bodyAsJsonObject().getJsonObject("error").getString("code"));
    Eventually.eventually(() -> audited("ON_CALL_INVITE_NO_MATCH"), events -> events.stream()
        .map(e -> ((JsonObject) e).getJsonObject("detail"))
        .anyMatch(d -> CHECKED.equals(d.getString("checked")) && d.getInteger("matches") == 0));

    fixtures.careLeaver(fixtures.signedIn("priya"), "Robin");
    fixtures.careLeaver(fixtures.signedIn("kim"), "Robin");
    var two = ali.post("/api/on-call/invites", request("robin", "2006-04-01"));
    assertEquals(409, two.statusCode());
    assertEquals("more_than_one", two.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName("Only someone on duty now may: another adviser gets 403 not_on_call, a young person 403, nobody signed in 401")
  void onlyWhoeverIsOnDuty() {
    var kim = fixtures.signedIn("kim").post("/api/on-call/invites", request("jay-forgot", "2006-04-01"));
    assertEquals(403, kim.statusCode());
    assertEquals("not_on_call", kim.bodyAsJsonObject().getJsonObject("error").getString("code"));
    var duty = jo.post("/api/on-call/invites", request("nobody-here", "2006-04-01"));
    assertEquals(404, duty.statusCode(), "the duty manager may look: " + duty.bodyAsString());

    TestSession young = fixtures.joined(fixtures.careLeaver(fixtures.signedIn("sam"), "Kai"), "kai-tries");
    assertEquals(403, young.post("/api/on-call/invites", request("jay-forgot", "2006-04-01")).statusCode());
    assertEquals(401, new TestSession(harbour).post("/api/on-call/invites", request("jay-forgot", "2006-04-01")).statusCode());
  }

  @Test
  @DisplayName("Hostile or incomplete bodies get a clear 400 and make no invite")
  void badInput() {
    String[][] cases = {
      {"{\"name\":\"jay-forgot\",\"dateOfBirth\":\"2006-04-01\"}", "missing_field"},
      {"{\"name\":\"jay-forgot\",\"dateOfBirth\":\"1 April 2006\",\"checked\":\"x\"}", "bad_time"},
      {"{\"name\":\"jay-forgot\",\"dateOfBirth\":\"2006-04-01\",\"checked\":\"   \"}", "missing_field"},
      {"{\"name\":\"jay-forgot\",\"dateOfBirth\":\"2006-04-01\",\"checked\":\"x\",\"admin\":true}", "unknown_field"},
      {"{\"name\":[],\"dateOfBirth\":\"2006-04-01\",\"checked\":\"x\"}", "wrong_type"},
      {"{\"name\":\"" + "j".repeat(61) + "\",\"dateOfBirth\":\"2006-04-01\",\"checked\":\"x\"}", "too_long"},
    };
    int before = audited("ON_CALL_INVITE").size() + audited("ON_CALL_INVITE_NO_MATCH").size();
    for (String[] c : cases) {
      var response = ali.post("/api/on-call/invites", new JsonObject(c[0]));
      assertEquals(400, response.statusCode(), c[0]);
      assertEquals(c[1], response.bodyAsJsonObject().getJsonObject("error").getString("code"), c[0]);
    }
    assertEquals(before, audited("ON_CALL_INVITE").size() + audited("ON_CALL_INVITE_NO_MATCH").size(), "nothing audited, nothing made");
  }
}
