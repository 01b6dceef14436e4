package uk.harbour.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import uk.harbour.store.embedded.EmbeddedStore;

/**
 * Two clustered Harbour nodes in this JVM on one shared store (the embedded engine served on a
 * loopback port, as {@code ops/store} runs it), on a Hazelcast cluster over loopback, with one
 * clock. Node {@link #a} starts first, so it takes the routing lease.
 */
public final class TwoNodes implements AutoCloseable {

  /**
   * Where {@link #freePort} looks: below Linux's ephemeral ports, which start at 32768, in a range
   * of this test JVM's own (ops/test runs two), so two JVMs never pick the same port.
   */
  private static final int PORTS = 6_000;
  private static final int FIRST_PORT = 20_000 + PORTS * (Integer.getInteger("harbour.test.fork", 1) % 2);
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private final EmbeddedStore store;
  private final Path storeDir;
  public RunningHarbour a;
  public RunningHarbour b;

  public TwoNodes(TestClock clock, JsonObject overrides) {
    try {
      storeDir = Files.createTempDirectory("harbour-shared-store");
      store = EmbeddedStore.serve(storeDir.resolve("harbour.mv.db"), "127.0.0.1", freePort());
      int portA = freePort();
      int portB = freePort();
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

  /**
   * A port nothing listens on, below Linux's ephemeral range (32768 and up): a port the system
   * handed out for a listener of our own could be taken by an outgoing connection before the server
   * meant for it binds it ("Address already in use"). Never the same port twice in one test run.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = FIRST_PORT + ThreadLocalRandom.current().nextInt(PORTS);
      if (GIVEN.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + (FIRST_PORT + PORTS));
  }

  private static boolean bindable(int port) {
    try (ServerSocket free = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
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
