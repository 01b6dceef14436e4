package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Makes staff presence cluster-wide (clustered mode): every change a node makes to its own
 * connections or to someone's status goes to the other nodes; a node that joins asks the others
 * for what they know; a node that leaves takes its connections with it ({@link #nodeLeft}).
 */
public final class PresenceSync {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PresenceSync.class);

  private final EventBus bus;
  private final String node;
  private final StaffPresence presence;

  public PresenceSync(EventBus bus, String node, StaffPresence presence) {
    this.bus = Objects.requireNonNull(bus);
    this.node = Objects.requireNonNull(node);
    this.presence = Objects.requireNonNull(presence);
  }

  /** Listens, then asks the nodes already running for everyone they know. */
  public Future<Void> start() {
    MessageConsumer<String> consumer = bus.consumer(ChatAddresses.SYNC_PRESENCE, m -> {
      try {
        heard(new JsonObject(m.body()));
      } catch (RuntimeException e) {
        // A node of another version: its next change (or a later hello) says it again.
        LOG.warn("Presence from another node could not be read; skipped", e);
      }
    });
    presence.onChangeHere(view -> bus.publish(ChatAddresses.SYNC_PRESENCE, view.encode()));
    return consumer.completion().onSuccess(v -> bus.publish(ChatAddresses.SYNC_PRESENCE, new JsonObject().put("node", node).put("hello", true).encode()));
  }

  /** Called when the cluster says a node has gone. */
  public void nodeLeft(String gone) {
    presence.nodeLeft(gone);
  }

  private void heard(JsonObject message) {
    if (node.equals(message.getString("node"))) {
      return;
    }
    if (message.getBoolean("hello", false)) {
      presence.views().forEach(view -> bus.publish(ChatAddresses.SYNC_PRESENCE, view.encode()));
    } else {
      presence.heard(message);
    }
  }
}
