package uk.harbour.chat;

import uk.harbour.identity.SignOuts;

/**
 * Event-bus addresses for delivery. Everything a connection receives arrives through these, so
 * several nodes on a clustered event bus deliver to each other's sockets with no code change.
 */
public final class ChatAddresses {

  /**
   * Frames a care leaver may see: their conversation's messages, receipts, staff typing. A
   * conversation's id is its care leaver's id, so this is that person's own address.
   */
  public static String conversation(String conversationId) {
    return user(conversationId);
  }

  /** Frames staff viewing a conversation see: everything above plus private notes. */
  public static String conversationStaff(String conversationId) {
    return "harbour.chat.conversation-staff." + conversationId;
  }

  /** Queue changes and presence, for every connected staff console. */
  public static final String STAFF = "harbour.chat.staff";

  /**
   * Frames for one person wherever they are connected (e.g. a transfer to them), and a care
   * leaver's conversation's. It is identity's address for the person, which also carries their
   * sign-outs ({@link SignOuts#SIGNED_OUT}): one address, so one event-bus consumer per connection.
   */
  public static String user(String userId) {
    return SignOuts.address(userId);
  }

  /**
   * Between nodes only (clustered mode): each message a node stores, so the others' copies of the
   * conversation stay in step ({@link ConversationSync}).
   */
  public static final String SYNC_STORED = "harbour.chat.sync.stored";

  /** Between nodes only: read receipts, which change a conversation without a message. */
  public static final String SYNC_READ = "harbour.chat.sync.read";

  /** Between nodes only: each node's staff connections and status changes ({@link PresenceSync}). */
  public static final String SYNC_PRESENCE = "harbour.chat.sync.presence";

  /**
   * Staff consoles' receipts for alert frames, to routing on whichever node runs it, as JSON text
   * (as between nodes everywhere: no codec needed): {@code conversationId}, {@code seq} (the
   * alert's), {@code username}.
   */
  public static final String ALERT_RECEIVED = "harbour.chat.alert-received";

  private ChatAddresses() {}
}
