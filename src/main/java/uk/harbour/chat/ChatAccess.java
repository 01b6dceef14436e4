package uk.harbour.chat;

import java.util.Objects;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;

/** Who may read and write which conversation; checked on every frame, on the server. */
public final class ChatAccess {

  private ChatAccess() {}

  public static boolean canRead(SignedIn who, Conversation conversation) {
    return switch (who.role()) {
      case CARE_LEAVER -> who.id().equals(conversation.id());
      case ADVISER ->
          who.id().equals(conversation.assignedTo())
              || who.id().equals(conversation.paUsername())
              // Alerted about this episode: theirs to step in, and to go on with once they have.
              || conversation.alertedThisEpisode().contains(who.id())
              // In the queue, for whoever picks it up: not yet taken, or handed back when its adviser left.
              || (conversation.assignedTo() == null && conversation.status() != ConversationStatus.RESOLVED);
      // A manager of another team alerted about it (a rota's duty manager, say) must be able to open it.
      case MANAGER -> who.team() == null || Objects.equals(who.team(), conversation.team()) || conversation.alertedThisEpisode().contains(who.id());
      case ADMIN -> false;
    };
  }

  /**
   * Whether {@code who} may pick up the conversation's next-day handover item (and sees it in their
   * queue though the conversation is resolved): the own PA, or, for an item made while the PA's
   * account was disabled, a manager who may read the conversation.
   */
  public static boolean handoverFor(SignedIn who, Conversation conversation) {
    return conversation.paHandoverPending()
        && (who.id().equals(conversation.paUsername())
            || (conversation.paHandoverToManagers() && who.role() == Role.MANAGER && canRead(who, conversation)));
  }

  /** Staff-only actions (notes, transfer, resolve) need read access and a staff role. */
  public static boolean canManage(SignedIn who, Conversation conversation) {
    return who.role().isStaff() && canRead(who, conversation);
  }
}
