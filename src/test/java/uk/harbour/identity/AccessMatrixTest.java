package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.StaffAccounts.NewStaff;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/**
 * Every route × every role, including someone else's ids in the URL (no IDOR). Expected statuses
 * are written out per route; a new route must be added here.
 */
@DisplayName("Access control: every route for every role")
@Timeout(120)
class AccessMatrixTest {

  enum Who { ANONYMOUS, CARE_LEAVER, OWN_PA, OTHER_PA, MANAGER, ADMIN }

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static final Map<Who, TestSession> sessions = new java.util.EnumMap<>(Who.class);
  private static final AtomicInteger counter = new AtomicInteger();
  private static String youngPersonId;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("own", Role.ADVISER);
    fixtures.staff("other", Role.ADVISER);
    fixtures.staff("boss", Role.MANAGER);
    fixtures.staff("root", Role.ADMIN);
    // An adviser of another team, and a manager with no team (who sees every team's young people).
    StaffAccounts accounts = harbour.harbour().services().identity().staffAccounts();
    await(accounts.create(Actor.system(), new NewStaff("far", "Far", Role.ADVISER, "north", Fixtures.PASSWORD)));
    await(accounts.create(Actor.system(), new NewStaff("roamer", "Roamer", Role.MANAGER, null, Fixtures.PASSWORD)));
    sessions.put(Who.ANONYMOUS, new TestSession(harbour));
    sessions.put(Who.OWN_PA, fixtures.signedIn("own"));
    sessions.put(Who.OTHER_PA, fixtures.signedIn("other"));
    sessions.put(Who.MANAGER, fixtures.signedIn("boss"));
    sessions.put(Who.ADMIN, fixtures.signedIn("root"));
    JsonObject invite = fixtures.careLeaver(sessions.get(Who.OWN_PA), "Sky");
    youngPersonId = invite.getString("careLeaverId");
    sessions.put(Who.CARE_LEAVER, fixtures.joined(invite, "sky-s"));
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  /** A young person of the own PA made just for one request that changes them. */
  private static String freshYoungPerson() {
    return fixtures.careLeaver(sessions.get(Who.OWN_PA), "Temp").getString("careLeaverId");
  }

  record Route(HttpMethod method, String path, boolean freshSubject, JsonObject body, Map<Who, Integer> expected) {}

  private static Map<Who, Integer> expect(int anonymous, int careLeaver, int ownPa, int otherPa, int manager, int admin) {
    return Map.of(Who.ANONYMOUS, anonymous, Who.CARE_LEAVER, careLeaver, Who.OWN_PA, ownPa, Who.OTHER_PA, otherPa, Who.MANAGER, manager, Who.ADMIN, admin);
  }

  static List<Route> routes() {
    JsonObject newPerson = new JsonObject().put("firstName", "New").put("dateOfBirth", "2005-01-01").put("paUsername", "own");
    return List.of(
        new Route(HttpMethod.GET, "/api/me", false, null, expect(401, 200, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/api/staff", false, null, expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.POST, "/api/staff", false, null, expect(401, 403, 403, 403, 403, 201)),
        new Route(HttpMethod.PATCH, "/api/staff/other", false, new JsonObject().put("active", true), expect(401, 403, 403, 403, 403, 200)),
        new Route(HttpMethod.GET, "/api/care-leavers", false, null, expect(401, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.POST, "/api/care-leavers", false, newPerson, expect(401, 403, 201, 201, 201, 201)),
        new Route(HttpMethod.GET, "/api/care-leavers/{id}", false, null, expect(401, 403, 200, 404, 200, 200)),
        new Route(HttpMethod.POST, "/api/care-leavers/{id}/invites", true, null, expect(401, 403, 201, 404, 201, 201)),
        new Route(HttpMethod.PUT, "/api/care-leavers/{id}/pa", true, new JsonObject().put("paUsername", "own"), expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.POST, "/api/care-leavers/{id}/revoke", true, null, expect(401, 403, 204, 404, 204, 204)),
        new Route(HttpMethod.GET, "/api/care-leavers/not-a-real-id", false, null, expect(401, 403, 404, 404, 404, 404)),
        new Route(HttpMethod.GET, "/api/audit", false, null, expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/audit", false, null, expect(302, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/api/reports/summary", false, null, expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/api/reports/summary.csv", false, null, expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/api/reports/episodes.csv", false, null, expect(401, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/api/reports/me", false, null, expect(401, 403, 200, 200, 200, 403)),
        new Route(HttpMethod.GET, "/reports", false, null, expect(302, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/people", false, null, expect(302, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/admin/staff", false, null, expect(302, 403, 403, 403, 403, 200)),
        new Route(HttpMethod.GET, "/api/rota", false, null, expect(401, 403, 200, 200, 200, 200)),
        // A stale version: managers and admins get past the role check to the 409.
        new Route(HttpMethod.PUT, "/api/rota", false, new JsonObject().put("version", 999).put("officeHours", new JsonArray()).put("templates", new JsonArray()), expect(401, 403, 403, 403, 409, 409)),
        new Route(HttpMethod.POST, "/api/rota/overrides", false, new JsonObject().put("kind", "SICKNESS").put("adviser", "own").put("start", "2026-12-02T09:00").put("end", "2026-12-01T09:00"), expect(401, 403, 403, 403, 400, 400)),
        new Route(HttpMethod.DELETE, "/api/rota/overrides/no-such-override", false, null, expect(401, 403, 403, 403, 404, 404)),
        new Route(HttpMethod.GET, "/api/rota/shifts?from=2026-11-23&to=2026-11-29", false, null, expect(401, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/api/rota/gaps?from=2026-11-23&to=2026-11-29", false, null, expect(401, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/api/on-call", false, null, expect(401, 200, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/rota", false, null, expect(302, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.POST, "/rota/overrides", false, null, expect(302, 403, 403, 403, 400, 400)),
        new Route(HttpMethod.POST, "/rota/shifts", false, null, expect(302, 403, 403, 403, 400, 400)),
        new Route(HttpMethod.POST, "/rota/shifts/no-such-shift", false, null, expect(302, 403, 403, 403, 404, 404)),
        new Route(HttpMethod.POST, "/rota/shifts/no-such-shift/remove", false, null, expect(302, 403, 403, 403, 404, 404)),
        new Route(HttpMethod.POST, "/rota/overrides/no-such-override/remove", false, null, expect(302, 403, 403, 403, 404, 404)),
        // Signposting: Help now is public, the catalogue is for staff, editing for managers and admins,
        // cards for the advisers and managers who can read the conversation (anyone else's answers 404,
        // like a missing one), saved help for care leavers.
        new Route(HttpMethod.GET, "/help", false, null, expect(200, 200, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/api/signposting/entries", false, null, expect(401, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.GET, "/api/signposting/entries/samaritans", false, null, expect(401, 403, 200, 200, 200, 200)),
        new Route(HttpMethod.PUT, "/api/signposting/entries/samaritans", false, new JsonObject(), expect(401, 403, 403, 403, 400, 400)),
        new Route(HttpMethod.POST, "/api/signposting/entries", false, new JsonObject(), expect(401, 403, 403, 403, 400, 400)),
        new Route(HttpMethod.GET, "/catalogue", false, null, expect(302, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.GET, "/catalogue/samaritans", false, null, expect(302, 403, 403, 403, 200, 200)),
        new Route(HttpMethod.POST, "/api/conversations/{id}/cards", false, new JsonObject().put("entryId", "samaritans").put("clientId", "matrix-card"), expect(401, 403, 201, 404, 201, 403)),
        new Route(HttpMethod.GET, "/api/conversations/{id}/card-suggestions", false, null, expect(401, 403, 200, 404, 200, 403)),
        new Route(HttpMethod.GET, "/saved", false, null, expect(302, 200, 403, 403, 403, 403)),
        new Route(HttpMethod.GET, "/api/saved", false, null, expect(401, 200, 403, 403, 403, 403)),
        new Route(HttpMethod.POST, "/api/saved", false, new JsonObject().put("entryId", "samaritans"), expect(401, 201, 403, 403, 403, 403)),
        new Route(HttpMethod.DELETE, "/api/saved/samaritans", false, null, expect(401, 204, 403, 403, 403, 403)),
        // Safeguarding: the risk check is for managers and admins.
        new Route(HttpMethod.POST, "/api/safety/check", false, new JsonObject().put("text", "hello"), expect(401, 403, 403, 403, 200, 200)),
        // The guidance beside a flagged conversation is for advisers and managers.
        new Route(HttpMethod.GET, "/api/safety/guidance", false, null, expect(401, 403, 200, 200, 200, 403)));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : routes()) {
      for (Who who : Who.values()) {
        cases.add(Arguments.of(route.method() + " " + route.path(), who, route));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  @DisplayName("answers each role as the table says")
  void routeForRole(String name, Who who, Route route) {
    String id = route.freshSubject() ? freshYoungPerson() : youngPersonId;
    String path = route.path().replace("{id}", id);
    TestSession session = sessions.get(who);
    JsonObject body = route.body();
    if (route.method() == HttpMethod.POST && route.path().equals("/api/staff")) {
      body = new JsonObject().put("username", "made" + counter.incrementAndGet()).put("displayName", "Made").put("role", "ADVISER").put("team", Fixtures.TEAM).put("password", Fixtures.PASSWORD);
    }
    var response = route.method() == HttpMethod.GET ? session.get(path) : session.json(route.method(), path, body);
    int expected = route.expected().get(who);
    assertEquals(expected, response.statusCode(), name + " as " + who + ": " + response.bodyAsString());
  }

  @Test
  @DisplayName("A manager adds young people for, and moves them to, only advisers of their own team")
  void managerChoosesAdvisersOfOwnTeamOnly() {
    TestSession boss = sessions.get(Who.MANAGER);
    var created = boss.post("/api/care-leavers", new JsonObject().put("firstName", "Ana").put("dateOfBirth", "2005-01-01").put("paUsername", "far"));
    assertEquals(400, created.statusCode(), created.bodyAsString());
    assertEquals("unknown_adviser", created.bodyAsJsonObject().getJsonObject("error").getString("code"));

    String id = freshYoungPerson();
    var moved = boss.json(HttpMethod.PUT, "/api/care-leavers/" + id + "/pa", new JsonObject().put("paUsername", "far"));
    assertEquals(400, moved.statusCode(), moved.bodyAsString());
    assertEquals("unknown_adviser", moved.bodyAsJsonObject().getJsonObject("error").getString("code"));
    var movedByForm = boss.form("/people/" + id + "/pa", Map.of("paUsername", "far"));
    assertEquals(400, movedByForm.statusCode());
    assertEquals("own", boss.get("/api/care-leavers/" + id).bodyAsJsonObject().getString("paUsername"));

    // The page offers only the advisers the manager may choose.
    String page = boss.get("/people").bodyAsString();
    assertTrue(page.contains("value=\"own\""), page);
    assertFalse(page.contains("value=\"far\""), page);
  }

  @Test
  @DisplayName("An admin, and a manager without a team, may choose an adviser of any team")
  void adminAndTeamlessManagerChooseAnyAdviser() {
    var moved = sessions.get(Who.ADMIN).json(HttpMethod.PUT, "/api/care-leavers/" + freshYoungPerson() + "/pa", new JsonObject().put("paUsername", "far"));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
    assertEquals("north", moved.bodyAsJsonObject().getString("team"));

    var created = fixtures.signedIn("roamer").post("/api/care-leavers", new JsonObject().put("firstName", "Bo").put("dateOfBirth", "2005-01-01").put("paUsername", "far"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
  }
}
