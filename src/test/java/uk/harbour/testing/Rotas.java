package uk.harbour.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.rota.RotaJson;
import uk.harbour.rota.RotaService;

/** Puts a rota in force on a running Harbour, and a small rota for routing tests. */
public final class Rotas {

  private Rotas() {}

  /** Replaces the stored rota through the rota service, as a manager would. */
  public static void use(RunningHarbour harbour, JsonObject rotaJson) {
    RotaService rota = harbour.harbour().services().rota();
    SignedIn manager = new SignedIn("jo", Role.MANAGER, "Jo", Fixtures.TEAM, harbour.clock().instant());
    RunningHarbour.await(rota.replace(manager, "127.0.0.1", RotaJson.rotaFromJson(rotaJson, RotaService.DEFAULT_CAPACITY), rota.current().version()));
  }

  /**
   * Office hours Mon-Fri 09:00-17:00. Wednesday 17:00-22:00 Ali and Priya on call (backup Sam),
   * 22:00-23:00 Priya alone (backup Ali); then nobody until Thursday's office hours. Jo is duty
   * manager throughout. Ali may hold two conversations at once, the others three.
   */
  public static JsonObject wednesdayEvening() {
    return new JsonObject()
        .put("officeHours", new JsonArray().add(new JsonObject()
            .put("days", new JsonArray().add("MONDAY").add("TUESDAY").add("WEDNESDAY").add("THURSDAY").add("FRIDAY"))
            .put("start", "09:00").put("end", "17:00")))
        .put("templates", new JsonArray()
            .add(shift("wed-evening", "17:00", "22:00", new JsonArray().add("ali").add("priya"), "sam"))
            .add(shift("wed-late", "22:00", "23:00", new JsonArray().add("priya"), "ali")))
        .put("capacity", new JsonArray().add(new JsonObject().put("adviser", "ali").put("maxActive", 2)))
        .put("defaultCapacity", 3);
  }

  private static JsonObject shift(String id, String start, String end, JsonArray onCall, String backup) {
    return new JsonObject()
        .put("id", id).put("day", "WEDNESDAY").put("start", start).put("end", end)
        .put("onCall", onCall).put("backup", backup).put("dutyManager", "jo");
  }
}
