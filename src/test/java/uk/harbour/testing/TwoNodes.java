package uk.harbour.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.harbour.store.embedded.EmbeddedStore;

/**
 * Two clustered Harbour nodes in this JVM on one shared store (the embedded engine served on a
 * loopback port, as {@code ops/store} runs it), on a Hazelcast cluster over loopback, with one
 * clock. Node {@link #a} starts first, so it takes the routing lease.
 */
public final class TwoNodes implements AutoCloseable {

  private final EmbeddedStore store;
  private final Path storeDir;
  public RunningHarbour a;
  public RunningHarbour b;

  public TwoNodes(TestClock clock, JsonObject overrides) {
    try {
      storeDir = Files.createTempDirectory("harbour-shared-store");
      store = EmbeddedStore.serve(storeDir.resolve("harbour.mv.db"), "127.0.0.1", Ports.free());
      int portA = Ports.free();
      int portB = Ports.free();
      String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
      a = RunningHarbour.start(clock, node(portA, members).mergeIn(overrides, true));
      b = RunningHarbour.start(clock, node(portB, members).mergeIn(overrides, true));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject node(int clusterPort, String members) {
    return new JsonObject()
        .put("mongo", new JsonObject().put("uri", store.connectionString()))
        .put("cluster", new JsonObject().put("enabled", "true").put("port", clusterPort).put("members", members).put("host", "127.0.0.1"));
  }

  /** Stops that node (gracefully), as a rolling restart would. */
  public void stop(RunningHarbour node) {
    if (node == a) {
      a = null;
    } else if (node == b) {
      b = null;
    }
    node.close();
  }

  @Override
  public void close() {
    for (RunningHarbour node : new RunningHarbour[] {b, a}) {
      if (node != null) {
        stop(node);
      }
    }
    store.close();
  }
}
