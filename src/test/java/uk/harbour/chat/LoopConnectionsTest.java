package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;
import uk.harbour.web.OpenSockets;

@DisplayName("One timer per event loop checks every chat connection on it, and closed ones are forgotten")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoopConnectionsTest {

  private final Vertx vertx = Vertx.vertx();
  private final OpenSockets open = new OpenSockets();
  private final List<String> checked = new ArrayList<>();

  @AfterEach
  void stop() {
    Futures.join(vertx.close());
  }

  /** A connection that records its checks; {@code idle} ones close (leave the loop) when checked. */
  private final class FakeConnection implements LoopConnections.Member {
    final String name;
    final boolean idle;
    /** Only kept in a set by the open sockets: identity is all it needs. */
    final ServerWebSocket socket =
        (ServerWebSocket)
            Proxy.newProxyInstance(
                ServerWebSocket.class.getClassLoader(),
                new Class<?>[] {ServerWebSocket.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "hashCode" -> System.identityHashCode(p);
                      case "equals" -> p == a[0];
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    LoopConnections loop;

    FakeConnection(String name, boolean idle) {
      this.name = name;
      this.idle = idle;
    }

    @Override
    public ServerWebSocket socket() {
      return socket;
    }

    @Override
    public void checkIdle() {
      checked.add(name);
      if (idle) {
        loop.remove(this);
      }
    }
  }

  private FakeConnection joined(LoopConnections loop, String name, boolean idle) {
    FakeConnection connection = new FakeConnection(name, idle);
    connection.loop = loop;
    loop.add(connection);
    return connection;
  }

  @Test
  @DisplayName("a tick checks every connection once, even when some close during it; those closed leave the open sockets")
  void aTickChecksEveryConnection() {
    LoopConnections loop = new LoopConnections(vertx, open, 60_000);
    joined(loop, "a", false);
    joined(loop, "b", true);
    joined(loop, "c", false);
    joined(loop, "d", true);
    assertEquals(4, open.size());

    loop.checkAll();
    assertEquals(List.of("a", "b", "c", "d"), checked.stream().sorted().toList());
    assertEquals(2, loop.size());
    assertEquals(2, open.size());

    checked.clear();
    loop.checkAll();
    assertEquals(List.of("a", "c"), checked.stream().sorted().toList());
  }

  @Test
  @DisplayName("the shared timer runs the checks by itself")
  void theTimerChecks() throws InterruptedException {
    List<String> seen = java.util.Collections.synchronizedList(checked);
    LoopConnections loop = new LoopConnections(vertx, open, 20);
    vertx.runOnContext(v -> joined(loop, "a", false));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (seen.size() < 2 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertEquals(List.of("a", "a"), List.copyOf(seen).subList(0, 2));
  }
}
