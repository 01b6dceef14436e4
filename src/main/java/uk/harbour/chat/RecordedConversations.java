package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.Objects;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.web.HarbourException;

/**
 * A conversation with nothing stored is its young person's record: who they are, their PA and
 * team. Once it has messages, changes to those are stored events ({@link ConversationEvent.PaChanged}).
 */
final class RecordedConversations {

  private final CareLeaverRepository careLeavers;

  RecordedConversations(CareLeaverRepository careLeavers) {
    this.careLeavers = Objects.requireNonNull(careLeavers);
  }

  /** A new conversation for this young person; not found when there is no such young person. */
  Future<Conversation> fresh(String careLeaverId) {
    return careLeavers
        .find(careLeaverId)
        .compose(
            found ->
                found
                    .map(c -> Future.succeededFuture(new Conversation(c.id(), c.firstName(), c.paUsername(), c.team())))
                    .orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such conversation."))));
  }

  /**
   * Reads the record again for a conversation with nothing stored, which may have changed since it
   * was loaded (a new PA, on this node or another): before its first message, which routing and
   * every later access check rest on.
   */
  Future<Void> followRecord(Conversation conv) {
    return careLeavers.find(conv.id()).map(found -> {
      found.ifPresent(record -> conv.follow(record.paUsername(), record.team()));
      return null;
    });
  }
}
