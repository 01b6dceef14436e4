package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

@DisplayName("Harbour's lifecycle")
@Timeout(120)
class LifecycleTest {

  @Test
  @DisplayName("Readiness goes DOWN with 503 when the store stops answering, while liveness stays UP")
  void readinessFollowsStore() {
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"))) {
      assertEquals(200, await(harbour.http().get("/health/ready").send()).statusCode());
      await(harbour.harbour().services().store().close());
      var ready = await(harbour.http().get("/health/ready").send());
      assertEquals(503, ready.statusCode());
      assertEquals("DOWN", ready.bodyAsJsonObject().getString("status"));
      assertEquals(200, await(harbour.http().get("/health/live").send()).statusCode());
    }
  }

  @Test
  @DisplayName("A page template that does not compile, found after start, takes the node out of readiness by name; other pages still show")
  void brokenTemplateFailsReadiness(@TempDir Path copy) throws IOException {
    copyTree(Path.of("web"), copy);
    Files.writeString(copy.resolve("templates/broken.hbs"), "<p>{{#if site}}never closed</p>");
    JsonObject webRoot = new JsonObject().put("web", new JsonObject().put("root", copy.toString()));
    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), webRoot)) {
      assertEquals(200, await(harbour.http().get("/signin").send()).statusCode());
      Eventually.eventually().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var ready = await(harbour.http().get("/health/ready").send());
        assertEquals(503, ready.statusCode());
        JsonObject pages = RunningHarbour.readinessCheck(ready, "pages");
        assertEquals("DOWN", pages.getString("status"));
        assertEquals("page template broken.hbs does not compile", pages.getJsonObject("data").getString("reason"));
      });
      assertEquals(200, await(harbour.http().get("/signin").send()).statusCode());
    }
  }

  @Test
  @DisplayName("Stopping leaves no port listening and no extra non-daemon thread running")
  void stopReleasesEverything() throws Exception {
    Set<String> before = nonDaemonThreads();
    RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    int port = harbour.port();
    assertTrue(canConnect(port), "listening while running");
    harbour.close();
    assertThrows(IOException.class, () -> connect(port), "the port is released");
    // Threads take a moment to finish after close.
    Eventually.eventually().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      Set<String> leftOver = nonDaemonThreads().stream().filter(t -> !before.contains(t)).collect(Collectors.toSet());
      assertTrue(leftOver.isEmpty(), "threads left behind: " + leftOver);
    });
  }

  private static Set<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      paths.forEach(path -> {
        try {
          Path target = to.resolve(from.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(target);
          } else {
            Files.copy(path, target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static boolean canConnect(int port) {
    try {
      connect(port);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }
}
