package uk.harbour.chat;

import java.util.Objects;
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
              || conversation.escalatedTo().contains(who.id())
              || (conversation.assignedTo() == null && conversation.status() == ConversationStatus.WAITING);
      case MANAGER -> who.team() == null || Objects.equals(who.team(), conversation.team());
      case ADMIN -> false;
    };
  }

  /** Staff-only actions (notes, transfer, resolve) need read access and a staff role. */
  public static boolean canManage(SignedIn who, Conversation conversation) {
    return who.role().isStaff() && canRead(who, conversation);
  }
}
