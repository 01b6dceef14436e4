package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.LongStream;
import uk.harbour.identity.SignedIn;

/**
 * Reading a conversation's messages: access is checked first, on every page, and a young person
 * never sees what is for staff only.
 */
final class ConversationReads {

  private final Function<String, Future<Conversation>> conversation;
  private final MessageRepository messages;

  ConversationReads(Function<String, Future<Conversation>> conversation, MessageRepository messages) {
    this.conversation = Objects.requireNonNull(conversation);
    this.messages = Objects.requireNonNull(messages);
  }

  /**
   * One page of a resume: the messages the reader may see with {@code afterSeq < seq <=
   * throughSeq}, at most {@link ChatService#PAGE} seqs of them, oldest first. Access is checked for
   * every page, so a resume stops when the reader loses the conversation.
   */
  Future<List<Message>> resume(SignedIn reader, String conversationId, long afterSeq, long throughSeq) {
    return readable(reader, conversationId)
        .compose(
            conv -> {
              long end = Math.min(conv.lastSeq(), throughSeq);
              if (afterSeq >= end) {
                return Future.succeededFuture(List.<Message>of());
              }
              long from = Math.max(afterSeq, 0) + 1;
              return fetch(reader.role().isStaff(), conversationId, from, Math.min(end, from + ChatService.PAGE - 1));
            });
  }

  /** Up to {@code limit} messages before {@code beforeSeq}, oldest first. */
  Future<List<Message>> history(SignedIn reader, String conversationId, long beforeSeq, int limit) {
    return readable(reader, conversationId).compose(conv -> before(conv, beforeSeq, limit, reader.role().isStaff()));
  }

  /** The newest messages as staff see them, for Harbour's own use (handovers). */
  Future<List<Message>> latest(String conversationId, int limit) {
    return conversation.apply(conversationId).compose(conv -> before(conv, Long.MAX_VALUE, limit, true));
  }

  Future<Conversation> readable(SignedIn reader, String conversationId) {
    return conversation
        .apply(conversationId)
        .compose(conv -> ChatAccess.canRead(reader, conv) ? Future.succeededFuture(conv) : Future.failedFuture(ChatService.notYours()));
  }

  private Future<List<Message>> before(Conversation conv, long beforeSeq, int limit, boolean staffView) {
    long to = Math.min(beforeSeq - 1, conv.lastSeq());
    long from = Math.max(1, to - limit + 1);
    return from > to ? Future.succeededFuture(List.of()) : fetch(staffView, conv.id(), from, to);
  }

  private Future<List<Message>> fetch(boolean staffView, String conversationId, long from, long to) {
    List<Long> seqs = LongStream.rangeClosed(from, to).boxed().toList();
    return messages
        .find(conversationId, seqs)
        .map(found -> staffView ? found : found.stream().filter(m -> !m.kind().staffOnly()).map(Message::forCareLeaver).toList());
  }
}
