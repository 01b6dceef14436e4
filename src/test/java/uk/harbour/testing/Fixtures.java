package uk.harbour.testing;

import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccounts.NewStaff;

/** People for tests, made through the same services an admin uses. */
public final class Fixtures {

  public static final String PASSWORD = "harbour-test-horse-battery";
  public static final String TEAM = "leaving-care";

  private final RunningHarbour harbour;

  public Fixtures(RunningHarbour harbour) {
    this.harbour = harbour;
  }

  public String staff(String username, Role role) {
    return staff(username, capitalise(username), role);
  }

  public String staff(String username, String displayName, Role role) {
    await(
        harbour
            .harbour()
            .services()
            .identity()
            .staffAccounts()
            .create(Actor.system(), new NewStaff(username, displayName, role, TEAM, PASSWORD)));
    return username;
  }

  /** A signed-in staff session. */
  public TestSession signedIn(String username) {
    TestSession session = new TestSession(harbour);
    var response = session.signInStaff(username, PASSWORD);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + response.bodyAsString());
    }
    return session;
  }

  /** Adds a young person as their PA and returns the invite JSON (careLeaverId, link, code). */
  public JsonObject careLeaver(TestSession pa, String firstName) {
    var response =
        pa.post("/api/care-leavers", new JsonObject().put("firstName", firstName).put("dateOfBirth", "2006-04-01"));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("could not add care leaver: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Redeems an invite in a fresh session and returns that signed-in young person's session. */
  public TestSession joined(JsonObject invite, String loginName) {
    TestSession session = new TestSession(harbour);
    var response =
        session.post(
            "/api/invites/redeem",
            new JsonObject().put("code", invite.getString("code")).put("loginName", loginName).put("passphrase", "purple river toast"));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("could not join: " + response.bodyAsString());
    }
    return session;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
