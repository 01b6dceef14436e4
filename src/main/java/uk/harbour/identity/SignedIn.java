package uk.harbour.identity;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/** The person behind a request, as held in their session. */
public record SignedIn(String id, Role role, String displayName, String team, Instant signedInAt) {

  public SignedIn {
    Objects.requireNonNull(id);
    Objects.requireNonNull(role);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("role", role.name())
        .put("displayName", displayName)
        .put("team", team)
        .put("signedInAt", signedInAt.toString());
  }

  public static SignedIn fromJson(JsonObject json) {
    return new SignedIn(
        json.getString("id"),
        Role.valueOf(json.getString("role")),
        json.getString("displayName"),
        json.getString("team"),
        Instant.parse(json.getString("signedInAt")));
  }

  /** Public view for pages and the API: no internal timestamps. */
  public JsonObject publicJson() {
    return new JsonObject().put("id", id).put("role", role.name()).put("displayName", displayName).put("team", team);
  }
}
