package uk.harbour.chat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversations that may need attention without anyone opening them: marked before the chat
 * core stores a conversation's first message (and again once a day), unmarked at a start once
 * resolved and quiet for a week. Start-up loads only these, so it does not grow with history, and
 * any conversation with a message after its snapshot is among them.
 */
public interface ActiveConversationRepository {

  /** One conversation's mark, and when it was last made. */
  record Mark(String id, Instant markedAt) {}

  /** Every mark; empty when the list was never built (a store from before it). */
  Future<Optional<List<Mark>>> all();

  /** Marks the conversation (again) at {@code at}. */
  Future<Void> mark(String id, Instant at);

  /** Marks every one of {@code ids} and records that the list is built: once, on a store from before it. */
  Future<Void> build(List<String> ids, Instant at);

  /** Removes the mark, unless it was made again since {@code mark} was read (another node took the conversation up). */
  Future<Void> unmark(Mark mark);
}
