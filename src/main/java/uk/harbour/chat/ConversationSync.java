package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.identity.Role;

/**
 * Keeps every node's copy of each conversation in step (clustered mode). Each node holds every
 * conversation in memory ({@link ConversationLog}); the store orders writes: a node writes the seq
 * after the last it knows, and if another node took that seq first the store refuses it, the
 * conversation is caught up and the change decided again. This class tells the other nodes about
 * each stored message and read receipt at once, so their copies are rarely behind and such retries
 * stay rare. On a single node it does nothing.
 */
public final class ConversationSync {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationSync.class);

  private final EventBus bus;
  private final String node;
  private final ConversationLog log;

  private ConversationSync(EventBus bus, String node, ConversationLog log) {
    this.bus = bus;
    this.node = node;
    this.log = log;
  }

  /** One node: nothing to tell anyone. */
  public static ConversationSync singleNode() {
    return new ConversationSync(null, "", null);
  }

  /** {@code node} is this node's id in the cluster. */
  public static ConversationSync clustered(EventBus bus, String node, ConversationLog log) {
    return new ConversationSync(Objects.requireNonNull(bus), Objects.requireNonNull(node), Objects.requireNonNull(log));
  }

  /** Listens to the other nodes; completes once the cluster knows this node listens. */
  public Future<Void> start() {
    if (bus == null) {
      return Future.succeededFuture();
    }
    MessageConsumer<String> stored = bus.consumer(ChatAddresses.SYNC_STORED, m -> fromOtherNode(m.body()).ifPresent(this::heard));
    MessageConsumer<String> read = bus.consumer(ChatAddresses.SYNC_READ, m -> fromOtherNode(m.body()).ifPresent(this::heardRead));
    return Future.all(stored.completion(), read.completion()).mapEmpty();
  }

  void stored(Message message) {
    if (bus != null) {
      bus.publish(ChatAddresses.SYNC_STORED, new JsonObject().put("node", node).put("message", message.toWire()).encode());
    }
  }

  void read(String conversationId, long seq, Role by) {
    if (bus != null) {
      bus.publish(ChatAddresses.SYNC_READ,
          new JsonObject().put("node", node).put("conversationId", conversationId).put("seq", seq).put("byCareLeaver", by == Role.CARE_LEAVER).encode());
    }
  }

  /**
   * Strings on the bus, so nothing needs a codec; this node hears its own announcements too and
   * skips them. One it cannot read (a node of another version) is skipped: the next change to that
   * conversation catches it up from the store.
   */
  private java.util.Optional<JsonObject> fromOtherNode(String body) {
    try {
      JsonObject json = new JsonObject(body);
      return node.equals(json.getString("node")) ? java.util.Optional.empty() : java.util.Optional.of(json);
    } catch (RuntimeException e) {
      LOG.warn("An announcement from another node could not be read; skipped", e);
      return java.util.Optional.empty();
    }
  }

  private void heard(JsonObject json) {
    Future<Void> followed;
    try {
      followed = log.heard(Message.fromWire(json.getJsonObject("message")));
    } catch (RuntimeException e) {
      followed = Future.failedFuture(e);
    }
    followed.onFailure(e -> LOG.warn("A message another node stored could not be followed here; the next change catches up", e));
  }

  private void heardRead(JsonObject json) {
    Future<Void> followed;
    try {
      followed = log.heardRead(json.getString("conversationId"), json.getLong("seq"), json.getBoolean("byCareLeaver"));
    } catch (RuntimeException e) {
      followed = Future.failedFuture(e);
    }
    followed.onFailure(e -> LOG.warn("A read receipt from another node could not be followed here", e));
  }
}
