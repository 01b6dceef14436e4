package uk.harbour.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.harbour.chat.ConversationEvent.Acknowledged;
import uk.harbour.chat.ConversationEvent.AlertPassedOn;
import uk.harbour.chat.ConversationEvent.Assigned;
import uk.harbour.chat.ConversationEvent.AutoReply;
import uk.harbour.chat.ConversationEvent.Escalated;
import uk.harbour.chat.ConversationEvent.Feedback;
import uk.harbour.chat.ConversationEvent.HandoverDone;
import uk.harbour.chat.ConversationEvent.PaChanged;
import uk.harbour.chat.ConversationEvent.PaHandover;
import uk.harbour.chat.ConversationEvent.PriorityChanged;
import uk.harbour.chat.ConversationEvent.Resolved;
import uk.harbour.chat.ConversationEvent.RiskCleared;
import uk.harbour.chat.ConversationEvent.RiskFlagged;
import uk.harbour.chat.ConversationEvent.SafetyReply;
import uk.harbour.chat.ConversationEvent.Transferred;
import uk.harbour.chat.ConversationEvent.Unassigned;
import uk.harbour.chat.ConversationEvent.Unknown;

/**
 * The one mapping between {@link ConversationEvent}s and their JSON, which is both the stored form
 * (inside a message document) and the wire form (a {@code message}'s {@code event}). Fields keep
 * the order and presence earlier versions wrote, so an event read back encodes to the same bytes.
 */
public final class ConversationEventJson {

  private ConversationEventJson() {}

  public static JsonObject toJson(ConversationEvent event) {
    if (event instanceof Unknown unknown) {
      return unknown.json();
    }
    JsonObject json = new JsonObject().put("type", event.type());
    if (event instanceof Assigned e) {
      put(json, "to", e.to());
      put(json, "reason", e.reason());
    } else if (event instanceof Transferred e) {
      put(json, "to", e.to());
      put(json, "by", e.by());
      put(json, "from", e.from());
      put(json, "reason", e.reason());
    } else if (event instanceof Unassigned e) {
      put(json, "from", e.from());
      put(json, "reason", e.reason());
    } else if (event instanceof Resolved e) {
      put(json, "by", e.by());
    } else if (event instanceof PaChanged e) {
      put(json, "to", e.to());
      put(json, "team", e.team());
      put(json, "by", e.by());
    } else if (event instanceof PriorityChanged e) {
      put(json, "priority", e.priority());
      put(json, "by", e.by());
    } else if (event instanceof Escalated e) {
      put(json, "level", e.level());
      put(json, "rungs", array(e.rungs()));
      put(json, "to", array(e.to()));
      put(json, "waitedMinutes", e.waitedMinutes());
      put(json, "cause", e.cause());
    } else if (event instanceof AlertPassedOn e) {
      put(json, "alertSeq", e.alertSeq());
      put(json, "from", array(e.from()));
      put(json, "to", array(e.to()));
    } else if (event instanceof Acknowledged e) {
      put(json, "by", e.by());
    } else if (event instanceof PaHandover e) {
      put(json, "to", e.to());
      put(json, "from", text(e.from()));
      put(json, "until", text(e.until()));
      put(json, "messagesFromCareLeaver", e.messagesFromCareLeaver());
      put(json, "cards", array(e.cards()));
      put(json, "priority", e.priority());
      put(json, "escalationLevel", e.escalationLevel());
      put(json, "toManagers", e.toManagers());
      put(json, "readers", array(e.readers()));
    } else if (event instanceof HandoverDone e) {
      put(json, "by", e.by());
    } else if (event instanceof RiskFlagged e) {
      put(json, "categories", array(e.categories()));
      put(json, "severity", e.severity());
      put(json, "by", e.by());
      put(json, "reason", e.reason());
      put(json, "rules", array(e.rules()));
    } else if (event instanceof RiskCleared e) {
      put(json, "by", e.by());
      put(json, "reason", e.reason());
    } else if (event instanceof SafetyReply e) {
      put(json, "categories", array(e.categories()));
    } else if (event instanceof AutoReply e) {
      put(json, "reason", e.reason());
      // Always written, null when unknown, as the protocol has always sent it.
      json.put("nextStaffedAt", text(e.nextStaffedAt()));
    } else if (event instanceof Feedback e) {
      put(json, "answer", e.answer());
    }
    return json;
  }

  public static ConversationEvent fromJson(JsonObject json) {
    String type = json.getValue("type") instanceof String t ? t : "";
    return switch (type) {
      case "assigned" -> new Assigned(json.getString("to"), json.getString("reason"));
      case "transferred" -> new Transferred(json.getString("to"), json.getString("by"), json.getString("from"), json.getString("reason"));
      case "unassigned" -> new Unassigned(json.getString("from"), json.getString("reason"));
      case "resolved" -> new Resolved(json.getString("by"));
      case "pa_changed" -> new PaChanged(json.getString("to"), json.getString("team"), json.getString("by"));
      case "priority" -> new PriorityChanged(json.getString("priority"), json.getString("by"));
      case "escalated" ->
          new Escalated(json.getInteger("level"), strings(json.getJsonArray("rungs")), strings(json.getJsonArray("to")), json.getLong("waitedMinutes"),
              json.getString("cause"));
      case "alert_passed_on" -> new AlertPassedOn(json.getLong("alertSeq"), strings(json.getJsonArray("from")), strings(json.getJsonArray("to")));
      case "acknowledged" -> new Acknowledged(json.getString("by"));
      case "pa_handover" ->
          new PaHandover(
              json.getString("to"),
              instant(json.getString("from")),
              instant(json.getString("until")),
              json.getLong("messagesFromCareLeaver"),
              strings(json.getJsonArray("cards")),
              json.getString("priority"),
              json.getInteger("escalationLevel"),
              json.getBoolean("toManagers"),
              strings(json.getJsonArray("readers")));
      case "handover_done" -> new HandoverDone(json.getString("by"));
      case "risk_flagged" ->
          new RiskFlagged(strings(json.getJsonArray("categories")), json.getString("severity"), json.getString("by"), json.getString("reason"),
              strings(json.getJsonArray("rules")));
      case "risk_cleared" -> new RiskCleared(json.getString("by"), json.getString("reason"));
      case "safety_reply" -> new SafetyReply(strings(json.getJsonArray("categories")));
      case "auto_reply" -> new AutoReply(json.getString("reason"), instant(json.getString("nextStaffedAt")));
      case "feedback" -> new Feedback(json.getString("answer"));
      default -> new Unknown(json);
    };
  }

  private static void put(JsonObject json, String field, Object value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static JsonArray array(List<String> values) {
    return values == null ? null : new JsonArray(new ArrayList<>(values));
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? null : array.stream().map(String::valueOf).toList();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
