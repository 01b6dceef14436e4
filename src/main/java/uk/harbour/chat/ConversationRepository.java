package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Snapshots of conversations, one per care leaver, keyed by the care leaver's id. */
public interface ConversationRepository {

  Future<Optional<Conversation>> find(String id);

  Future<Void> save(Conversation conversation);

  /** Every snapshot; read once at start to build the in-memory queue, never on a hot path. */
  Future<List<Conversation>> all();
}
