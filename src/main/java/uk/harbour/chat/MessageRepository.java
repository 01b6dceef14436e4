package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Stored messages. Ids are {@code conversationId:seq}, so every read here is by {@code _id}. */
public interface MessageRepository {

  /** Why an insert was refused: that seq is taken, or this sender already sent this client id. */
  enum Duplicate { SEQ, CLIENT_ID }

  /** Thrown (as a failed future) by {@link #insert} when the message would be a duplicate. */
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

  Future<Void> insert(Message message);

  /** The messages with these seqs that exist, in seq order. */
  Future<List<Message>> find(String conversationId, List<Long> seqs);

  Future<Optional<Message>> findByClientId(String conversationId, String senderId, String clientId);
}
