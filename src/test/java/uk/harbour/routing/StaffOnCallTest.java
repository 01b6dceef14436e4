package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.identity.Role;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;
import uk.harbour.testing.WednesdayEveningTestBase;

@DisplayName("Staff consoles always know who is on shift, and whom they can hand a conversation to")
class StaffOnCallTest extends WednesdayEveningTestBase {

  private static List<String> usernames(JsonArray people) {
    return people.stream().map(p -> ((JsonObject) p).getString("username")).toList();
  }

  private static JsonObject adviser(JsonObject onCall, String username) {
    return onCall.getJsonArray("advisers").stream().map(JsonObject.class::cast).filter(a -> username.equals(a.getString("username"))).findFirst().orElseThrow();
  }

  private static Predicate<JsonObject> onCallWithout(String username) {
    return f -> "oncall".equals(f.getString("type")) && !usernames(f.getJsonObject("onCall").getJsonArray("onCall")).contains(username);
  }

  @Test
  @DisplayName("The staff welcome lists every active adviser with status, load, capacity and whether on shift: on shift first, then the available")
  void advisersInTheWelcome() {
    startAt("18:00");
    fixtures.staff("kim", Role.ADVISER);
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "hello");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      // Jo (a manager, so not in the list) connects now.
      TestSocket jo = TestSocket.connect(harbour, fixtures.signedIn("jo"));
      JsonObject onCall = jo.next("welcome").getJsonObject("onCall");
      jo.close();
      // Kim was added after Harbour started: the welcome reads the advisers afresh. Jo is a manager.
      assertEquals(List.of("ali", "priya", "sam", "kim"), usernames(onCall.getJsonArray("advisers")), onCall.encodePrettily());
      JsonObject a = adviser(onCall, "ali");
      assertEquals("available", a.getString("availability"));
      assertEquals(1, a.getInteger("active"));
      assertEquals(2, a.getInteger("capacity"));
      assertTrue(a.getBoolean("onShift"));
      assertTrue(adviser(onCall, "sam").getBoolean("onShift"), "the backup is on shift");
      assertEquals("offline", adviser(onCall, "sam").getString("availability"));
      assertFalse(adviser(onCall, "kim").getBoolean("onShift"), "Kim is not on the rota tonight");
      assertEquals(3, adviser(onCall, "kim").getInteger("capacity"));
      assertTrue(onCall.getString("at").startsWith("2026-11-25T18:00"), "the server's time, for the console's clock: " + onCall.getString("at"));
    }
  }

  @Test
  @DisplayName("A rota change (sickness) tells every staff console the new shift at once, and only once")
  void rotaChangeIsPushed() {
    startAt("18:00");
    TestSession jo = fixtures.signedIn("jo");
    try (TestSocket ali = staffSocket("ali"); TestSocket samSocket = staffSocket("sam")) {
      var added = jo.post("/api/rota/overrides", new JsonObject().put("kind", "SICKNESS").put("adviser", "priya")
          .put("start", "2026-11-25T17:30").put("end", "2026-11-26T09:00"));
      assertEquals(201, added.statusCode(), added.bodyAsString());
      for (TestSocket socket : List.of(ali, samSocket)) {
        JsonObject onCall = socket.next(onCallWithout("priya")).getJsonObject("onCall");
        assertEquals(List.of("ali"), usernames(onCall.getJsonArray("onCall")));
        assertFalse(onCall.getBoolean("officeHours"));
      }
      // A sweep with nothing changed says nothing more.
      sweepAt("18:01");
      assertFalse(ali.arrivesBefore(f -> "oncall".equals(f.getString("type")), Barrier.queue()));
    }
  }

  @Test
  @DisplayName("When a shift ends, the sweep tells staff consoles who is on call now")
  void shiftEndIsPushed() {
    startAt("21:58");
    try (TestSocket ali = staffSocket("ali")) {
      sweepAt("21:59");
      sweepAt("22:00");
      JsonObject onCall = ali.next(onCallWithout("ali")).getJsonObject("onCall");
      assertEquals(List.of("priya"), usernames(onCall.getJsonArray("onCall")));
      assertEquals(List.of("ali"), usernames(onCall.getJsonArray("backup")));
    }
  }
}
