package uk.harbour.chat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import uk.harbour.identity.Role;

/**
 * Publishes what happened as ready-encoded frames ({@link ServerFrames}) on the event bus
 * addresses ({@link ChatAddresses}) each connection listens on, so delivery works the same on one
 * node or several.
 */
public final class ChatDelivery {

  private final EventBus bus;
  private final StaffSummaries summaries;

  public ChatDelivery(Vertx vertx) {
    this.bus = vertx.eventBus();
    this.summaries = new StaffSummaries(vertx);
  }

  /** A stored message to everyone who may see it, and the conversation's new summary to staff. */
  void message(Message message, JsonObject summary) {
    String frame = ServerFrames.message(message);
    if (!message.kind().staffOnly()) {
      Message seen = message.forCareLeaver();
      bus.publish(ChatAddresses.conversation(message.conversationId()), seen == message ? frame : ServerFrames.message(seen));
    }
    bus.publish(ChatAddresses.conversationStaff(message.conversationId()), frame);
    summary(summary);
  }

  /** A conversation's new summary to every staff console (its preview only to those who may read it: {@link StaffFeed}). */
  private void summary(JsonObject summary) {
    summaries.changed(summary);
  }

  /** A read receipt to the other side; staff reading also changes the summary every console shows. */
  void read(String conversationId, long seq, Role by, JsonObject summary) {
    String frame = ServerFrames.read(conversationId, seq, by);
    bus.publish(by == Role.CARE_LEAVER ? ChatAddresses.conversationStaff(conversationId) : ChatAddresses.conversation(conversationId), frame);
    if (by != Role.CARE_LEAVER) {
      summary(summary);
    }
  }

  void typing(String conversationId, Role fromRole, String displayName) {
    bus.publish(
        fromRole == Role.CARE_LEAVER ? ChatAddresses.conversationStaff(conversationId) : ChatAddresses.conversation(conversationId),
        ServerFrames.typing(conversationId, fromRole, displayName));
  }

  void presence(StaffPresence.State state) {
    bus.publish(ChatAddresses.STAFF, ServerFrames.presence(state));
  }

  /** An escalation alert (a stored {@link ConversationEvent.Escalated} message) to every person it names. */
  public void alert(Message alert) {
    if (alert.event() instanceof ConversationEvent.Escalated escalated && escalated.to() != null) {
      String frame = ServerFrames.alert(alert, escalated, alert.text());
      escalated.to().forEach(username -> bus.publish(ChatAddresses.user(username), frame));
    }
  }

  /**
   * An alert to the people routing passed it on to ({@code passedOn}, stored as a {@link
   * ConversationEvent.AlertPassedOn}, names them) when nobody it named confirmed receiving it: the
   * same alert, so their receipts name its {@code seq}, with why it is theirs added to its words.
   */
  public void alertPassedOn(Message alert, Message passedOn) {
    if (alert.event() instanceof ConversationEvent.Escalated escalated && passedOn.event() instanceof ConversationEvent.AlertPassedOn to && to.to() != null) {
      String frame = ServerFrames.alert(alert, escalated, alert.text() + " " + passedOn.text());
      to.to().forEach(username -> bus.publish(ChatAddresses.user(username), frame));
    }
  }

  /** A console's receipt for an alert, to routing wherever it runs ({@link ChatAddresses#ALERT_RECEIVED}). */
  void alertReceived(String conversationId, long seq, String username) {
    bus.publish(ChatAddresses.ALERT_RECEIVED, new JsonObject().put("conversationId", conversationId).put("seq", seq).put("username", username).encode());
  }

  /** A next-day handover item to the PA, on every connection they have. */
  public void handover(String paUsername, Message item) {
    bus.publish(ChatAddresses.user(paUsername), ServerFrames.handover(item.conversationId(), item.text()));
  }

  /** Who is on shift now (the staff view), to every staff console: the shift or the rota changed. */
  public void staffOnCall(JsonObject onCall) {
    bus.publish(ChatAddresses.STAFF, ServerFrames.onCall(onCall));
  }

  /** Who is on call and the care leaver's place in the queue, to the care leaver's screens. */
  public void onCall(String conversationId, JsonObject onCall) {
    bus.publish(ChatAddresses.conversation(conversationId), ServerFrames.onCall(onCall));
  }
}
