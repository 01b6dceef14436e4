package uk.harbour.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit log: append and read only, so nothing in Harbour can change or delete an
 * entry. Never given message text or secrets.
 */
public interface AuditLog {

  Future<AuditEvent> append(Actor actor, AuditAction action, String subjectId, JsonObject detail);

  /** Newest first, filtered by any of actor, action, subject and time range. */
  Future<List<AuditEvent>> find(AuditQuery query);

  /** Who acted: an account id and role, or "anonymous" for failed sign-ins, and where from. */
  record Actor(String id, String role, String address) {
    public static Actor anonymous(String address) {
      return new Actor("anonymous", "none", address);
    }

    public static Actor system() {
      return new Actor("system", "system", "-");
    }
  }

  /** A filtered read of the log; every part optional. */
  record AuditQuery(
      Optional<String> actorId,
      Optional<AuditAction> action,
      Optional<String> subjectId,
      Optional<Instant> from,
      Optional<Instant> to,
      int limit) {

    public static AuditQuery latest(int limit) {
      return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
  }
}
