package uk.harbour.signposting;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustered mode: each node holds the catalogue in memory, so a change made on one (a manager's
 * edit, the seed the routing node runs) is announced and the others read the catalogue again. A
 * burst of changes (a seed) costs one reload after the one running, never one each.
 */
public final class CatalogueSync {

  /** Published with the changing node's id after every stored catalogue change. */
  public static final String CHANGED = "harbour.signposting.changed";

  private static final Logger LOG = LoggerFactory.getLogger(CatalogueSync.class);

  private final EventBus bus;
  private final String node;
  private final Signposting signposting;
  private boolean reloading;
  private boolean again;

  public CatalogueSync(EventBus bus, String node, Signposting signposting) {
    this.bus = Objects.requireNonNull(bus);
    this.node = Objects.requireNonNull(node);
    this.signposting = Objects.requireNonNull(signposting);
  }

  public Future<Void> start() {
    signposting.onChange(id -> bus.publish(CHANGED, node));
    MessageConsumer<String> consumer = bus.consumer(CHANGED, m -> {
      if (!node.equals(m.body())) {
        reload();
      }
    });
    return consumer.completion();
  }

  private synchronized void reload() {
    if (reloading) {
      again = true;
      return;
    }
    reloading = true;
    signposting.start()
        .onFailure(e -> LOG.warn("Could not reload the catalogue after another node changed it", e))
        .onComplete(r -> {
          boolean more;
          synchronized (this) {
            more = again;
            again = false;
            reloading = false;
          }
          if (more) {
            reload();
          }
        });
  }
}
