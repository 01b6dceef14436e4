package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccount;

/**
 * A stored message. Its id is derived from the conversation and sequence, so history and resume
 * are look-ups by {@code _id}. {@code event} carries state changes (assigned, transferred,
 * resolved) so a conversation's state is a fold over its messages.
 */
public record Message(
    String conversationId,
    long seq,
    int episode,
    MessageKind kind,
    String text,
    String senderId,
    Role senderRole,
    String senderName,
    String clientId,
    Instant createdAt,
    JsonObject card,
    ConversationEvent event) {

  public Message {
    Objects.requireNonNull(conversationId);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(createdAt);
    card = card == null ? null : card.copy();
  }

  /** The same draft at a given position in the conversation. */
  public Message placed(long seq, int episode) {
    return new Message(conversationId, seq, episode, kind, text, senderId, senderRole, senderName, clientId, createdAt, card, event);
  }

  /** As a young person sees it: a member of staff by first name only ("Priya", never "Priya Shah"). */
  public Message forCareLeaver() {
    if (senderRole == null || !senderRole.isStaff()) {
      return this;
    }
    return new Message(conversationId, seq, episode, kind, text, senderId, senderRole, StaffAccount.firstName(senderName), clientId, createdAt, card, event);
  }

  public static String id(String conversationId, long seq) {
    // Zero-padded to 12 digits so ids sort by seq; by hand, as String.format is slow on this path.
    String digits = Long.toString(seq);
    return conversationId + ":" + "000000000000".substring(Math.min(12, digits.length())) + digits;
  }

  /** The conversation a message id ({@link #id}) belongs to. */
  public static String conversationOf(String messageId) {
    return messageId.substring(0, messageId.lastIndexOf(':'));
  }

  public String id() {
    return id(conversationId, seq);
  }

  @Override
  public JsonObject card() {
    return card == null ? null : card.copy();
  }

  public boolean fromCareLeaver() {
    return senderRole == Role.CARE_LEAVER;
  }

  /** The wire form of the protocol's {@code message} object. */
  public JsonObject toWire() {
    JsonObject json =
        new JsonObject()
            .put("id", id())
            .put("conversationId", conversationId)
            .put("seq", seq)
            .put("episode", episode)
            .put("kind", kind.wireName())
            .put("text", text)
            .put(
                "sender",
                new JsonObject()
                    .put("id", senderId)
                    .put("role", senderRole == null ? "system" : senderRole.name().toLowerCase())
                    .put("displayName", senderName))
            .put("clientId", clientId)
            .put("createdAt", createdAt.toString());
    if (card != null) {
      json.put("card", card.copy());
    }
    if (event != null) {
      json.put("event", ConversationEventJson.toJson(event));
    }
    return json;
  }

  /** Reads back what {@link #toWire()} wrote (messages another node stored travel in this form). */
  public static Message fromWire(JsonObject json) {
    JsonObject sender = json.getJsonObject("sender");
    String role = sender.getString("role");
    JsonObject event = json.getJsonObject("event");
    return new Message(
        json.getString("conversationId"),
        json.getLong("seq"),
        json.getInteger("episode"),
        MessageKind.valueOf(json.getString("kind").toUpperCase()),
        json.getString("text"),
        sender.getString("id"),
        "system".equals(role) ? null : Role.valueOf(role.toUpperCase()),
        sender.getString("displayName"),
        json.getString("clientId"),
        Instant.parse(json.getString("createdAt")),
        json.getJsonObject("card"),
        event == null ? null : ConversationEventJson.fromJson(event));
  }
}
