package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

/**
 * Harbour runs on Linux's epoll, and the MongoDB driver's sockets share Vert.x's event loops
 * rather than threads of their own (vertx-mongo-client gives it a NIO group on the native transport).
 */
@DisplayName("Native transport")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NativeTransportTest {

  @Test
  @DisplayName("Harbour uses epoll, and the store's driver has no event-loop threads of its own")
  void driverSharesVertxLoops() {
    // Other tests in this JVM may have left such threads; only new ones count.
    List<String> before = nioLoops();
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"))) {
      assertTrue(harbour.vertx().isNativeTransportEnabled(), "epoll for Linux x86_64 is on the class path");
      // Started: the demo data went through the driver.
      List<String> ownLoops = nioLoops();
      ownLoops.removeAll(before);
      assertEquals(List.of(), ownLoops);
    }
  }

  private static List<String> nioLoops() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("nioEventLoopGroup"))
        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
  }
}
