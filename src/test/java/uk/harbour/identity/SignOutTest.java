package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("Signing out over the API")
@Timeout(60)
class SignOutTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("Signing out answers 204 and ends the session; doing it again, or never signed in, is 204 too, so a retry is safe")
  void signOutIsIdempotent() {
    TestSession sam = fixtures.signedIn("sam");
    assertEquals(200, sam.get("/api/me").statusCode());
    assertEquals(204, sam.json(HttpMethod.DELETE, "/api/session", null).statusCode());
    assertEquals(401, sam.get("/api/me").statusCode(), "signed out");
    assertEquals(204, sam.json(HttpMethod.DELETE, "/api/session", null).statusCode(), "a second sign-out");
    TestSession stranger = new TestSession(harbour);
    assertEquals(204, stranger.json(HttpMethod.DELETE, "/api/session", null).statusCode(), "never signed in");
    assertEquals(401, stranger.get("/api/me").statusCode());
  }
}
