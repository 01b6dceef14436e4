package uk.harbour.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening ports for test servers, below Linux's ephemeral ports (32768 and up): a port the system
 * hands out for a listener (port 0) can be taken by an outgoing connection, from this JVM or the
 * other test JVM, before a server meant for it binds it again, as a restart on the same port does
 * ("Address already in use").
 */
public final class Ports {

  /** A range of this test JVM's own (ops/test runs two), so two JVMs never pick the same port. */
  private static final int PORTS = 6_000;
  private static final int FIRST_PORT = 20_000 + PORTS * (Integer.getInteger("harbour.test.fork", 1) % 2);
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A port nothing listens on, never the same twice in one test run. */
  public static int free() {
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
}
