package uk.harbour.chat;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import uk.harbour.identity.SignedIn;

/**
 * The conversations a staff connection receives live frames for ({@code message}, {@code read},
 * {@code typing}): those it sent {@code resume} or {@code send} for, at most {@link #LIMIT}, the
 * least recently resumed or written to dropped first. A frame is passed on only while the staff
 * member may still read the conversation; once they may not, it is no longer followed. Touched only
 * on the owning connection's event loop.
 */
final class FollowedConversations {

  static final int LIMIT = 50;

  private final EventBus bus;
  private final SignedIn who;
  private final Function<String, Optional<Conversation>> conversations;
  private final Consumer<String> out;
  /** In order of last use: the first entry is the one to drop. */
  private final Map<String, MessageConsumer<String>> followed = new LinkedHashMap<>();

  FollowedConversations(EventBus bus, SignedIn who, Function<String, Optional<Conversation>> conversations, Consumer<String> out) {
    this.bus = Objects.requireNonNull(bus);
    this.who = Objects.requireNonNull(who);
    this.conversations = Objects.requireNonNull(conversations);
    this.out = Objects.requireNonNull(out);
  }

  /** Follows the conversation, or marks it as just used if it is already followed. */
  void follow(String conversationId) {
    MessageConsumer<String> consumer = followed.remove(conversationId);
    if (consumer == null) {
      if (followed.size() >= LIMIT) {
        Iterator<MessageConsumer<String>> eldest = followed.values().iterator();
        eldest.next().unregister();
        eldest.remove();
      }
      consumer = bus.consumer(ChatAddresses.conversationStaff(conversationId), m -> deliver(conversationId, m.body()));
    }
    followed.put(conversationId, consumer);
  }

  private void deliver(String conversationId, String frame) {
    // Access is checked when following and again for every frame: a transfer away ends it.
    if (conversations.apply(conversationId).map(c -> ChatAccess.canRead(who, c)).orElse(false)) {
      out.accept(frame);
    } else {
      Optional.ofNullable(followed.remove(conversationId)).ifPresent(MessageConsumer::unregister);
    }
  }

  void clear() {
    followed.values().forEach(MessageConsumer::unregister);
    followed.clear();
  }
}
