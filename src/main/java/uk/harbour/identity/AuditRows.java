package uk.harbour.identity;

import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Audit entries as the audit page shows them: plain words for the action, names for people, a
 * readable address, London time; the raw codes, ids and address stay in each row for a manager
 * who needs them. {@code /api/audit} keeps the stored values unchanged.
 */
final class AuditRows {

  private final ZoneId zone;

  AuditRows(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  JsonObject row(AuditEvent event, Map<String, String> names) {
    ReadableAddress address = ReadableAddress.of(event.address());
    return new JsonObject()
        .put("at", event.at().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '))
        .put("who", who(event, names))
        .put("what", what(event.action()))
        .put("about", about(event, names))
        .put("from", address.text())
        .put(
            "raw",
            new JsonObject()
                .put("action", event.action())
                .put("actorId", event.actorId())
                .put("actorRole", event.actorRole())
                .put("subjectId", event.subjectId())
                .put("address", address.raw())
                .put("detail", event.detail().isEmpty() ? null : event.detail().encode()));
  }

  static String what(String action) {
    try {
      return AuditAction.valueOf(action).words();
    } catch (IllegalArgumentException e) {
      // An action written by a newer version: its code is all there is.
      return action;
    }
  }

  private static String who(AuditEvent event, Map<String, String> names) {
    String id = event.actorId();
    if (id == null || id.equals("anonymous")) {
      return "Someone not signed in";
    }
    if (id.equals("system")) {
      return "Harbour";
    }
    return names.getOrDefault(id, id) + " (" + role(event.actorRole()) + ")";
  }

  private static String role(String role) {
    return role == null ? "unknown role" : role.equals("CARE_LEAVER") ? "young person" : role.toLowerCase();
  }

  private static String about(AuditEvent event, Map<String, String> names) {
    String subject = event.subjectId();
    if (subject == null || subject.isEmpty()) {
      return "";
    }
    if (names.containsKey(subject)) {
      return names.get(subject);
    }
    if (AuditAction.ROTA_CHANGED.name().equals(event.action())) {
      return "The rota";
    }
    if (AuditAction.CATALOGUE_CHANGED.name().equals(event.action())) {
      return "Help entry " + subject;
    }
    if (AuditAction.SIGN_IN_FAILED.name().equals(event.action()) && subject.equals("invite")) {
      return "An invite code";
    }
    // A sign-in name someone typed, or a person no longer on record: shown as it is.
    return subject;
  }
}
