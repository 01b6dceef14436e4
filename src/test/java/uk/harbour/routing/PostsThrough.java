package uk.harbour.routing;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.ConversationSummary;
import uk.harbour.chat.Message;

/**
 * The real chat service as routing sees it, except that every post goes through {@code post}: a
 * test's store that refuses, or fails after applying. Hears no stored messages: the harbour's own
 * routing already does, and a second listener would route each message twice.
 */
class PostsThrough implements ConversationPosts {

  private final ChatService chat;
  private final BiFunction<String, Function<Conversation, List<Message>>, Future<List<Message>>> post;

  PostsThrough(ChatService chat, BiFunction<String, Function<Conversation, List<Message>>, Future<List<Message>>> post) {
    this.chat = chat;
    this.post = post;
  }

  @Override
  public Future<List<Message>> postIf(String conversationId, Function<Conversation, List<Message>> decide) {
    return post.apply(conversationId, decide);
  }

  @Override
  public void onStored(Consumer<Message> listener) {}

  @Override
  public Future<Conversation> conversation(String conversationId) {
    return chat.conversation(conversationId);
  }

  @Override
  public Future<Void> catchUpWithStore() {
    return chat.catchUpWithStore();
  }

  @Override
  public Optional<Conversation> peek(String conversationId) {
    return chat.peek(conversationId);
  }

  @Override
  public List<Conversation> conversations() {
    return chat.conversations();
  }

  @Override
  public Future<List<ConversationSummary>> summaries() {
    return chat.summaries();
  }

  @Override
  public long assignmentChanges() {
    return chat.assignmentChanges();
  }

  @Override
  public Future<List<Message>> latest(String conversationId, int limit) {
    return chat.latest(conversationId, limit);
  }
}
