package uk.harbour.chat;

import io.vertx.core.Promise;
import java.lang.reflect.Field;

/**
 * For tests of what happens around a conversation whose ordered chain is stuck (a store operation
 * that never answers, a promise left uncompleted by a bug): holds the chain until released.
 */
public final class StuckChains {

  private StuckChains() {}

  /** Holds {@code conversationId}'s chain from now until the returned promise is completed. */
  public static Promise<Void> hold(ChatService chat, String conversationId) {
    Promise<Void> released = Promise.promise();
    log(chat).inOrder(conversationId, conv -> released.future());
    return released;
  }

  private static ConversationLog log(ChatService chat) {
    try {
      Field log = ChatService.class.getDeclaredField("log");
      log.setAccessible(true);
      return (ConversationLog) log.get(chat);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("ChatService no longer keeps its ConversationLog in 'log'", e);
    }
  }
}
