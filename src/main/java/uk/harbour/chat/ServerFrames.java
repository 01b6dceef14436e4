package uk.harbour.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccount;

/**
 * Every frame the server sends, encoded, in one place so this file and docs/chat-protocol.md can
 * be read side by side. Frames are strings: immutable, so the event bus copies nothing locally and
 * needs no codec when clustered.
 */
public final class ServerFrames {

  private ServerFrames() {}

  /** {@code conversation} is the care leaver's own ({@link #careLeaverView}), null for staff or when unknown. */
  static String welcome(SignedIn who, JsonObject conversation, JsonObject onCall) {
    return new JsonObject()
        .put("type", "welcome")
        .put("v", 1)
        .put("user", new JsonObject().put("id", who.id()).put("role", who.role().name().toLowerCase()).put("displayName", who.displayName()))
        .put("conversation", conversation)
        .put("onCall", onCall)
        .encode();
  }

  /** What a care leaver may know about their own conversation. */
  static JsonObject careLeaverView(Conversation c) {
    return new JsonObject()
        .put("id", c.id())
        .put("status", c.status().name().toLowerCase())
        .put("episode", c.episode())
        .put("lastSeq", c.lastSeq())
        .put("staffReadSeq", c.staffReadSeq());
  }

  static String ack(String clientId, Message stored) {
    return new JsonObject()
        .put("type", "ack")
        .put("clientId", clientId)
        .put("id", stored.id())
        .put("conversationId", stored.conversationId())
        .put("seq", stored.seq())
        .put("storedAt", stored.createdAt().toString())
        .encode();
  }

  static String message(Message message) {
    return new JsonObject().put("type", "message").put("message", message.toWire()).encode();
  }

  /** {@code complete}: for resume, nothing newer is left; for history, nothing older. */
  static String history(String conversationId, List<Message> page, boolean complete, long lastSeq) {
    JsonArray messages = new JsonArray();
    page.forEach(m -> messages.add(m.toWire()));
    return new JsonObject()
        .put("type", "history")
        .put("conversationId", conversationId)
        .put("messages", messages)
        .put("complete", complete)
        .put("lastSeq", lastSeq)
        .encode();
  }

  /** {@code ref} names the refused frame (a send's client id, else its type); {@code retryAfterMs} only when above 0. */
  static String error(String code, String message, String ref, long retryAfterMs) {
    JsonObject frame = new JsonObject().put("type", "error").put("code", code).put("message", message).put("ref", ref);
    if (retryAfterMs > 0) {
      frame.put("retryAfterMs", retryAfterMs);
    }
    return frame.encode();
  }

  /** {@code summary} is taken when the change is made ({@link #summary}), not when the frame goes out. */
  static String conversation(JsonObject summary) {
    return new JsonObject().put("type", "conversation").put("conversation", summary).encode();
  }

  /**
   * Starts a frame of several summaries at once ({@link StaffFeed}), which the console draws its
   * queue once for: append them encoded and separated by commas, then {@link #endConversations}.
   * Built in place because a busy moment's frame is tens of kilobytes for every console.
   */
  static StringBuilder startConversations(int capacity) {
    return new StringBuilder(capacity).append("{\"type\":\"conversations\",\"conversations\":[");
  }

  static String endConversations(StringBuilder frame) {
    return frame.append("]}").toString();
  }

  static String queue(List<Conversation> conversations) {
    JsonArray summaries = new JsonArray();
    conversations.forEach(c -> summaries.add(summary(c)));
    return new JsonObject().put("type", "queue").put("conversations", summaries).encode();
  }

  /**
   * The protocol's conversation summary, for staff (also in the transcript export). Its
   * {@code preview} has a young person's words: it goes only to staff who may read the
   * conversation ({@link StaffFeed}), and never into a sound, a title or a notification.
   */
  public static JsonObject summary(Conversation c) {
    return new JsonObject()
        .put("id", c.id())
        .put("careLeaverName", c.careLeaverName())
        .put("paUsername", c.paUsername())
        .put("status", c.status().name().toLowerCase())
        .put("priority", c.priority())
        .put("assignedTo", c.assignedTo())
        .put("episode", c.episode())
        .put("lastSeq", c.lastSeq())
        .put("waitingSince", c.waitingSince() == null ? null : c.waitingSince().toString())
        .put("lastMessageAt", c.lastMessageAt() == null ? null : c.lastMessageAt().toString())
        .put("unreadForStaff", c.unreadForStaff())
        .put("staffReadSeq", c.staffReadSeq())
        .put("escalationLevel", c.escalationLevel())
        .put("acknowledgedBy", c.acknowledgedBy())
        .put("escalatedTo", new JsonArray(List.copyOf(c.escalatedTo())))
        .put("paHandoverPending", c.paHandoverPending())
        .put("handoverToManagers", c.paHandoverToManagers())
        .put("risk", risk(c.risk()))
        .put("preview", c.preview());
  }

  /**
   * The summary for staff who may not read the conversation (it was transferred away from them, say):
   * every console keeps its queue from these, but only those who may read the words get them.
   */
  static JsonObject withoutPreview(JsonObject summary) {
    return summary.copy().putNull("preview");
  }

  /** Staff-only: summaries never reach a young person. */
  private static JsonObject risk(ConversationState.Risk risk) {
    return !risk.flagged() ? null
        : new JsonObject()
            .put("categories", new JsonArray(risk.categories()))
            .put("severity", risk.severity())
            .put("since", risk.since() == null ? null : risk.since().toString())
            .put("by", risk.flaggedBy());
  }

  static String read(String conversationId, long seq, Role by) {
    return new JsonObject()
        .put("type", "read")
        .put("conversationId", conversationId)
        .put("seq", seq)
        .put("by", by == Role.CARE_LEAVER ? "care_leaver" : "staff")
        .encode();
  }

  static String typing(String conversationId, Role fromRole, String displayName) {
    return new JsonObject()
        .put("type", "typing")
        .put("conversationId", conversationId)
        // Staff typing reaches only the young person, who sees a first name.
        .put("from", new JsonObject().put("role", fromRole.name().toLowerCase())
            .put("displayName", fromRole == Role.CARE_LEAVER ? displayName : StaffAccount.firstName(displayName)))
        .encode();
  }

  static String presence(StaffPresence.State state) {
    return new JsonObject()
        .put("type", "presence")
        .put("username", state.username())
        .put("displayName", state.displayName())
        .put("status", state.status())
        .put("connected", state.connections() > 0)
        .encode();
  }

  /** {@code seq}: the stored alert's, which the console's receipt names; 0 for one Harbour could not store. */
  static String alert(Message alert, ConversationEvent.Escalated escalated, String text) {
    return new JsonObject()
        .put("type", "alert")
        .put("conversationId", alert.conversationId())
        .put("seq", alert.seq())
        .put("level", escalated.level())
        .put("waitedMinutes", escalated.waitedMinutes())
        .put("cause", escalated.cause() == null ? "wait" : escalated.cause())
        .put("text", text)
        .encode();
  }

  static String handover(String conversationId, String text) {
    return new JsonObject().put("type", "handover").put("conversationId", conversationId).put("text", text).encode();
  }

  static String onCall(JsonObject onCall) {
    return new JsonObject().put("type", "oncall").put("onCall", onCall).encode();
  }
}
