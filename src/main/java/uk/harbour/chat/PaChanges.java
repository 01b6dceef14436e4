package uk.harbour.chat;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.PaFollowers;
import uk.harbour.identity.SignedIn;

/**
 * Moves a conversation to the young person's new PA and team with a stored {@code pa_changed}
 * record, so routing, alerts, the morning handover, access and reports follow it, on every node
 * and after a restart. A conversation with nothing stored reads the record itself before its first
 * message ({@link ConversationLog}), so it gets none.
 */
public final class PaChanges implements PaFollowers {

  private final ChatService chat;
  private final Clock clock;

  public PaChanges(ChatService chat, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Future<Void> follow(SignedIn by, CareLeaver person, String paName) {
    return chat.postIf(
            person.id(),
            conv -> conv.lastSeq() == 0 || (person.paUsername().equals(conv.paUsername()) && Objects.equals(person.team(), conv.team()))
                ? List.of()
                : List.of(new Message(conv.id(), 0, 1, MessageKind.ALERT,
                    by.displayName() + " made " + paName + " " + conv.careLeaverName() + "'s personal adviser.",
                    by.id(), by.role(), by.displayName(), null, clock.instant(), null,
                    new ConversationEvent.PaChanged(person.paUsername(), person.team(), by.id()))))
        .mapEmpty();
  }
}
