package uk.harbour.app;

import io.vertx.core.Context;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * This node in the cluster: its id (the one other nodes hear about when it leaves) and the news of
 * other nodes leaving, handed to listeners on this node's main context. A single node has neither.
 */
final class ClusterNode {

  private final Optional<ClusterManager> manager;
  private final List<Consumer<String>> left = new CopyOnWriteArrayList<>();

  ClusterNode(Optional<ClusterManager> manager, Context context) {
    this.manager = manager;
    // Vert.x sets no node listener of its own unless HA is on, which Harbour never turns on.
    manager.ifPresent(m -> m.nodeListener(new NodeListener() {
      @Override
      public void nodeAdded(String nodeId) {}

      @Override
      public void nodeLeft(String nodeId) {
        context.runOnContext(v -> left.forEach(listener -> listener.accept(nodeId)));
      }
    }));
  }

  boolean clustered() {
    return manager.isPresent();
  }

  String id() {
    return manager.map(ClusterManager::getNodeId).orElse("local");
  }

  /** How many nodes the cluster has now (1 for a single node). */
  int members() {
    return manager.map(m -> m.getNodes().size()).orElse(1);
  }

  void onLeft(Consumer<String> listener) {
    left.add(listener);
  }
}
