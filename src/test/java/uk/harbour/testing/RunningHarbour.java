package uk.harbour.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import uk.harbour.app.Harbour;

/**
 * A whole Harbour for integration tests: random port, fresh embedded store in a temporary
 * directory, a clock the test controls, and an HTTP client kept in a field (Vert.x 5 closes
 * unreachable clients).
 */
public final class RunningHarbour implements AutoCloseable {

  /** Every Harbour started and not yet stopped in this JVM, for what {@link #await} prints when it times out. */
  private static final java.util.Set<RunningHarbour> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Harbour harbour;
  private final Path dataDir;
  private final TestClock clock;
  private final WebClient client;
  /** Clients from other loopback addresses, kept here so Vert.x does not close them. */
  private final Map<String, WebClient> clientsFrom = new java.util.concurrent.ConcurrentHashMap<>();

  private RunningHarbour(Harbour harbour, Path dataDir, TestClock clock) {
    this.harbour = harbour;
    this.dataDir = dataDir;
    this.clock = clock;
    this.client =
        WebClient.create(
            harbour.vertx(),
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(harbour.port()).setFollowRedirects(false));
    RUNNING.add(this);
  }

  public static RunningHarbour start(TestClock clock, JsonObject overrides) {
    try {
      return start(clock, overrides, Files.createTempDirectory("harbour-test"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops this Harbour but keeps its store, then starts a new one on the same port and data. */
  public RunningHarbour restart() {
    return restartAfter(() -> {});
  }

  /** Like {@link #restart()}, doing {@code whileDown} while no server is listening. */
  public RunningHarbour restartAfter(Runnable whileDown) {
    int port = port();
    stop();
    whileDown.run();
    return start(clock, new JsonObject().put("http", new JsonObject().put("port", port).put("host", "127.0.0.1")), dataDir);
  }

  private static RunningHarbour start(TestClock clock, JsonObject overrides, Path dataDir) {
    // A port found free can be taken before Harbour binds it (chromedriver, run by the other test
    // JVM, picks its own at random): then another, unless the test asked for that port.
    boolean portChosenHere = !overrides.containsKey("http");
    for (int attempt = 1; ; attempt++) {
      try {
        JsonObject config =
            new JsonObject()
                .put("http", new JsonObject().put("port", Ports.free()).put("host", "127.0.0.1"))
                .put("store", new JsonObject().put("dataDir", dataDir.toString()))
                .put("demo", "false")
                .mergeIn(overrides, true);
        Harbour harbour =
            Harbour.start(Map.of(), config, clock).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return new RunningHarbour(harbour, dataDir, clock);
      } catch (Exception e) {
        if (!(portChosenHere && attempt < 3 && String.valueOf(e.getMessage()).contains("Address already in use"))) {
          throw new IllegalStateException("Harbour did not start", e);
        }
        pause(); // the failed start's Vert.x closes its store meanwhile, so the next one can open the file
      }
    }
  }

  public static RunningHarbour start(TestClock clock) {
    return start(clock, new JsonObject());
  }

  public Harbour harbour() {
    return harbour;
  }

  public Vertx vertx() {
    return harbour.vertx();
  }

  public WebClient http() {
    return client;
  }

  /**
   * A client whose requests come from another loopback address (127.0.0.2, 127.0.0.3, …), as
   * another person's computer would, for what Harbour counts per address.
   */
  public WebClient httpFrom(String localAddress) {
    return clientsFrom.computeIfAbsent(
        localAddress,
        address ->
            WebClient.create(
                harbour.vertx(),
                new WebClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(harbour.port())
                    .setFollowRedirects(false)
                    .setLocalAddress(address)));
  }

  public int port() {
    return harbour.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public TestClock clock() {
    return clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** One named check ({@code store}, {@code commits}, {@code pages}) in an answer from {@code /health/ready}. */
  public static JsonObject readinessCheck(HttpResponse<Buffer> ready, String id) {
    return ready.bodyAsJsonObject().getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> id.equals(check.getString("id"))).findFirst().orElseThrow();
  }

  /** Waits for a future from a test thread (never an event loop). */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // A future that never completes leaves no trace in the log: what every thread was doing does.
      System.err.println("Timed out after 30 s waiting for a future; every thread's stack:");
      Thread.getAllStackTraces().forEach((thread, frames) -> {
        System.err.println('"' + thread.getName() + "\" " + thread.getState());
        for (StackTraceElement frame : frames) {
          System.err.println("\tat " + frame);
        }
      });
      // And whether a store command is what it waits on.
      RUNNING.forEach(running -> System.err.println("Harbour on port " + running.port() + ": store commands unanswered "
          + running.harbour.services().store().unansweredCommands() + ", a commit owed for "
          + running.harbour.services().store().durability().commitOwedFor().toMillis() + " ms"));
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory left behind is harmless.
    }
  }

  private void stop() {
    try {
      await(harbour.stop());
    } finally {
      RUNNING.remove(this);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
