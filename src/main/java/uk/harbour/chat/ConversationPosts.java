package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What routing may do with conversations: hear of each stored message, read conversations, and
 * add Harbour's own messages inside a conversation's ordered chain. Routing sees no more of chat.
 */
public interface ConversationPosts {

  /**
   * Told about each message once it is stored, durable and delivered, on the node that stored it
   * (with several nodes, every node hears only its own: the others follow through
   * {@link ConversationSync}, which tells no listener).
   */
  void onStored(Consumer<Message> listener);

  /** The conversation, loaded (and caught up with the message store) if needed. */
  Future<Conversation> conversation(String conversationId);

  /** Every conversation with stored messages this node has not folded in, caught up now (after another node died, its last messages may be news here). */
  Future<Void> catchUpWithStore();

  /** The conversation as held in memory right now, without loading it. */
  Optional<Conversation> peek(String conversationId);

  /**
   * Every conversation held in memory: the active ones (open, a handover pending, a message in the
   * last 7 days) and any opened since start; resolved history rests in the store until opened.
   */
  List<Conversation> conversations();

  /** A summary of every conversation, resting history included, read from the store (background work only). */
  Future<List<ConversationSummary>> summaries();

  /** Changes whenever any conversation changes adviser, assignment time or resolved state. */
  long assignmentChanges();

  /** The last {@code limit} messages, staff notes and alerts included, oldest first. */
  Future<List<Message>> latest(String conversationId, int limit);

  /**
   * Decides inside the conversation's ordered chain which messages to add, then stores them in
   * order: a decision sees exactly the state it changes, never a stale copy. Completes once they
   * are durable and delivered.
   */
  Future<List<Message>> postIf(String conversationId, Function<Conversation, List<Message>> decide);
}
