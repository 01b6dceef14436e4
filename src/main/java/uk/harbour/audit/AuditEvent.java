package uk.harbour.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry in the append-only audit log: who did what to which subject, and when. Never holds
 * message text or secrets.
 */
public record AuditEvent(
    String id, Instant at, String actorId, String actorRole, String action, String subjectId, String address, JsonObject detail) {

  public AuditEvent {
    Objects.requireNonNull(at);
    Objects.requireNonNull(action);
    detail = detail == null ? new JsonObject() : detail.copy();
  }

  @Override
  public JsonObject detail() {
    return detail.copy();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("at", at.toString())
        .put("actorId", actorId)
        .put("actorRole", actorRole)
        .put("action", action)
        .put("subjectId", subjectId)
        .put("address", address)
        .put("detail", detail.copy());
  }
}
