package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots of conversations, one per care leaver, keyed by the care leaver's id. A snapshot may
 * be behind the messages (it is written a moment after them); the chat core catches it up.
 */
public interface ConversationRepository {

  Future<Optional<ConversationState>> find(String id);

  /** The snapshots of these conversations (those without one are left out), in any order. */
  Future<List<ConversationState>> find(List<String> ids);

  Future<Void> save(ConversationState conversation);

  /**
   * Every snapshot; read once, at the first start on a store from before the list of active
   * conversations ({@link ActiveConversationRepository}), never on a hot path.
   */
  Future<List<ConversationState>> all();

  /** A few fields of every snapshot (a projection: whole snapshots are not decoded). */
  Future<List<ConversationSummary>> summaries();
}
