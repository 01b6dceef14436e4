package uk.harbour.chat;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccount;

/**
 * Publishes stored events as ready-encoded frames on the event bus. Frames are strings, which are
 * immutable, so local delivery copies nothing and clustered delivery needs no codec.
 */
public final class ChatDelivery {

  private final EventBus bus;

  public ChatDelivery(EventBus bus) {
    this.bus = Objects.requireNonNull(bus);
  }

  public void message(Message message, JsonObject summary) {
    String frame = messageFrame(message);
    if (!message.kind().staffOnly()) {
      Message seen = message.forCareLeaver();
      bus.publish(ChatAddresses.conversation(message.conversationId()), seen == message ? frame : messageFrame(seen));
    }
    bus.publish(ChatAddresses.conversationStaff(message.conversationId()), frame);
    conversationChanged(summary);
  }

  private static String messageFrame(Message message) {
    return new JsonObject().put("type", "message").put("message", message.toWire()).encode();
  }

  public void conversationChanged(JsonObject summary) {
    String frame = new JsonObject().put("type", "conversation").put("conversation", summary).encode();
    bus.publish(ChatAddresses.STAFF, frame);
  }

  public void read(String conversationId, long seq, Role by, JsonObject summary) {
    String frame =
        new JsonObject()
            .put("type", "read")
            .put("conversationId", conversationId)
            .put("seq", seq)
            .put("by", by == Role.CARE_LEAVER ? "care_leaver" : "staff")
            .encode();
    bus.publish(by == Role.CARE_LEAVER ? ChatAddresses.conversationStaff(conversationId) : ChatAddresses.conversation(conversationId), frame);
    if (by != Role.CARE_LEAVER) {
      bus.publish(ChatAddresses.STAFF, new JsonObject().put("type", "conversation").put("conversation", summary).encode());
    }
  }

  public void typing(String conversationId, Role fromRole, String displayName) {
    String frame =
        new JsonObject()
            .put("type", "typing")
            .put("conversationId", conversationId)
            // Staff typing reaches only the young person, who sees a first name.
            .put("from", new JsonObject().put("role", fromRole.name().toLowerCase())
                .put("displayName", fromRole == Role.CARE_LEAVER ? displayName : StaffAccount.firstName(displayName)))
            .encode();
    bus.publish(
        fromRole == Role.CARE_LEAVER ? ChatAddresses.conversationStaff(conversationId) : ChatAddresses.conversation(conversationId), frame);
  }

  /** A frame for one person on every connection they have (an alert, a handover item). */
  public void toUser(String username, JsonObject frame) {
    bus.publish(ChatAddresses.user(username), frame.encode());
  }

  /** A frame for the care leaver's screens (who is on call, their place in the queue). */
  public void toCareLeaver(String conversationId, JsonObject frame) {
    bus.publish(ChatAddresses.conversation(conversationId), frame.encode());
  }

  public void presence(JsonObject presence) {
    bus.publish(ChatAddresses.STAFF, new JsonObject().put("type", "presence").mergeIn(presence).encode());
  }
}
