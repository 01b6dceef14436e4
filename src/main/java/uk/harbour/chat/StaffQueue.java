package uk.harbour.chat;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import uk.harbour.identity.SignedIn;

/**
 * A member of staff's queue: the open conversations they may see (and resolved ones with their
 * next-day handover item for them waiting), a risk flag first, then urgent ones, then those awaiting a reply,
 * each longest wait first.
 */
final class StaffQueue {

  /**
   * What the order reads, read once per conversation: chains on other event loops change these
   * meanwhile, and a sort whose keys move under it may throw.
   */
  private record Place(Conversation conv, boolean flagged, boolean urgent, boolean awaiting, Instant since) {

    static Place of(Conversation conv) {
      Instant waiting = conv.waitingSince();
      return new Place(conv, conv.risk().flagged(), "urgent".equals(conv.priority()), conv.awaitingReply(), waiting == null ? conv.lastMessageAt() : waiting);
    }
  }

  private static final Comparator<Place> ORDER =
      Comparator.comparing((Place p) -> !p.flagged())
          .thenComparing(p -> !p.urgent())
          .thenComparing(p -> !p.awaiting())
          .thenComparing(Place::since, Comparator.nullsLast(Comparator.naturalOrder()));

  private StaffQueue() {}

  static List<Conversation> of(SignedIn staff, Collection<Conversation> held) {
    return held.stream()
        .filter(conv -> (conv.status() != ConversationStatus.RESOLVED || ChatAccess.handoverFor(staff, conv)) && ChatAccess.canRead(staff, conv))
        .map(Place::of)
        .sorted(ORDER)
        .map(Place::conv)
        .toList();
  }
}
