package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored messages. Ids are {@code conversationId:seq}, so every read here is by {@code _id}.
 *
 * <p>Durability is this repository's promise, not its callers' job: a message counts as stored
 * once it would survive the process being killed (on MongoDB, majority write concern; on the
 * embedded store, a group commit that has reached its file). Nothing may be acknowledged to a
 * person before that.
 */
public interface MessageRepository {

  /** Why an insert was refused: that seq is taken, or this sender already sent this client id. */
  enum Duplicate { SEQ, CLIENT_ID }

  /** Thrown (as a failed future) by {@link #insert} and {@link #write} when the message would be a duplicate. */
  final class DuplicateMessageException extends RuntimeException {
    private final Duplicate kind;

    public DuplicateMessageException(Duplicate kind) {
      super(kind.name(), null, false, false);
      this.kind = kind;
    }

    public Duplicate kind() {
      return kind;
    }
  }

  /** Stores a message; completes once it is durable. */
  default Future<Void> insert(Message message) {
    return write(message).compose(v -> durable());
  }

  /**
   * Stores a message, completing as soon as the store has applied it; it is durable once a
   * {@link #durable()} asked for after this completes has completed. A conversation's ordered
   * chain waits only for this, so its next message is written while this one's commit runs.
   */
  Future<Void> write(Message message);

  /**
   * Completes once every write applied before this call is durable; writes that finish together
   * share one commit. A message found by client id may have been applied only moments ago, so an
   * acknowledgement of it waits for this too.
   */
  Future<Void> durable();

  /** The messages with these seqs that exist, in seq order. */
  Future<List<Message>> find(String conversationId, List<Long> seqs);

  /**
   * For each conversation, the messages with its seqs that exist, in seq order (an empty list when
   * none do): several conversations in a few queries rather than one each, as a start catches up
   * hundreds at once.
   */
  Future<Map<String, List<Message>>> find(Map<String, List<Long>> seqsByConversation);

  Future<Optional<Message>> findByClientId(String conversationId, String senderId, String clientId);

  /**
   * Which of these message ids ({@link Message#id}) the store holds, asking about many at once:
   * at start, whether any conversation has a message after its snapshot, in a few queries rather
   * than one per conversation.
   */
  Future<java.util.Set<String>> existing(List<String> ids);

  /**
   * The message this sender stored with this client id, if it is among the recent ones kept in
   * memory: answered at once and never from the store, so the send path may ask for every
   * message. Empty does not mean it was never stored ({@link #findByClientId} asks the store).
   */
  Optional<Message> recentByClientId(String conversationId, String senderId, String clientId);
}
