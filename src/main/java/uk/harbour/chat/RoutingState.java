package uk.harbour.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing part of a conversation's fold: when it was assigned, how far the current wait has
 * been escalated and to whom, whether the honest auto-reply went out this episode, the last private
 * note (the handover note) and whether the own PA has a next-day handover item to pick up. Stored in
 * the snapshot, so escalations and handovers carry on after a restart.
 */
final class RoutingState {

  Instant assignedAt;
  int escalationLevel;
  Instant escalatedAt;
  final Set<String> escalatedTo = new LinkedHashSet<>();
  String acknowledgedBy;
  int autoRepliedEpisode;
  String lastNote;
  String lastNoteBy;
  Instant paHandoverAt;
  boolean paHandoverPending;

  /** A new wait (or a reply) starts the escalation ladder again. */
  void waitEnded() {
    escalationLevel = 0;
    escalatedAt = null;
    escalatedTo.clear();
    acknowledgedBy = null;
  }

  void apply(ConversationEvent event, Instant at) {
    if (event instanceof ConversationEvent.Assigned || event instanceof ConversationEvent.Transferred) {
      assignedAt = at;
    } else if (event instanceof ConversationEvent.Escalated escalated) {
      escalationLevel = Math.max(escalationLevel, escalated.level() == null ? escalationLevel + 1 : escalated.level());
      escalatedAt = at;
      if (escalated.to() != null) {
        escalatedTo.addAll(escalated.to());
      }
    } else if (event instanceof ConversationEvent.Acknowledged acknowledged) {
      acknowledgedBy = acknowledged.by();
    } else if (event instanceof ConversationEvent.PaHandover) {
      paHandoverAt = at;
      paHandoverPending = true;
    } else if (event instanceof ConversationEvent.HandoverDone) {
      paHandoverPending = false;
    }
  }

  void write(JsonObject snapshot) {
    snapshot
        .put("assignedAt", text(assignedAt))
        .put("escalationLevel", escalationLevel)
        .put("escalatedAt", text(escalatedAt))
        .put("escalatedTo", new JsonArray(List.copyOf(escalatedTo)))
        .put("acknowledgedBy", acknowledgedBy)
        .put("autoRepliedEpisode", autoRepliedEpisode)
        .put("lastNote", lastNote)
        .put("lastNoteBy", lastNoteBy)
        .put("paHandoverAt", text(paHandoverAt))
        .put("paHandoverPending", paHandoverPending);
  }

  void read(JsonObject s) {
    assignedAt = instant(s.getString("assignedAt"));
    escalationLevel = s.getInteger("escalationLevel", 0);
    escalatedAt = instant(s.getString("escalatedAt"));
    s.getJsonArray("escalatedTo", new JsonArray()).forEach(id -> escalatedTo.add(String.valueOf(id)));
    acknowledgedBy = s.getString("acknowledgedBy");
    autoRepliedEpisode = s.getInteger("autoRepliedEpisode", 0);
    lastNote = s.getString("lastNote");
    lastNoteBy = s.getString("lastNoteBy");
    paHandoverAt = instant(s.getString("paHandoverAt"));
    paHandoverPending = s.getBoolean("paHandoverPending", false);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
