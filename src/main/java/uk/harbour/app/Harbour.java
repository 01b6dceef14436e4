package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops a whole Harbour: its own Vert.x with metrics, configuration, and the main
 * verticle. Used by {@link #main} and by integration tests alike.
 */
public final class Harbour {

  private static final Logger LOG = LoggerFactory.getLogger(Harbour.class);

  private final Vertx vertx;
  private final MainVerticle main;

  private final AutoCloseable gcMetrics;

  private Harbour(Vertx vertx, MainVerticle main, AutoCloseable gcMetrics) {
    this.vertx = vertx;
    this.main = main;
    this.gcMetrics = gcMetrics;
  }

  /** Starts Harbour with the given environment and explicit overrides (tests pass a port and a data directory). */
  public static Future<Harbour> start(Map<String, String> env, JsonObject overrides, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();
    gc.bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    Vertx vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setMetricsOptions(
                        new MicrometerMetricsOptions()
                            .setEnabled(true)
                            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
            .withMetrics(new MicrometerMetricsFactory(registry))
            .build();
    // Not bound to a Vert.x context: after a failed start that Vert.x is closing, and a context-bound
    // future could no longer tell the caller why.
    Promise<Harbour> started = Promise.promise();
    ConfigLoader.load(vertx, env, overrides)
        .compose(
            config -> {
              MainVerticle main = new MainVerticle(config, clock.withZone(config.zone()), Optional.of(registry));
              return vertx.deployVerticle(main).map(id -> new Harbour(vertx, main, gc));
            })
        .onComplete(
            result -> {
              if (result.succeeded()) {
                started.complete(result.result());
              } else {
                gc.close();
                vertx.close();
                started.fail(result.cause());
              }
            });
    return started.future();
  }

  public Services services() {
    return main.services();
  }

  public int port() {
    return main.httpPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public Future<Void> stop() {
    return vertx.close().onComplete(r -> {
      try {
        gcMetrics.close();
      } catch (Exception e) {
        LOG.debug("GC metrics did not close", e);
      }
    });
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    AtomicReference<Harbour> running = new AtomicReference<>();
    start(System.getenv(), new JsonObject(), clock)
        .onSuccess(
            harbour -> {
              running.set(harbour);
              long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
              LOG.info(
                  "Harbour ready at {} in {} ms ({} ms since the process started)",
                  harbour.services().config().http().publicUrl(),
                  (System.nanoTime() - started) / 1_000_000,
                  clock.millis() - jvmStart);
            })
        .onFailure(
            e -> {
              LOG.error("Harbour could not start: {}", e.getMessage());
              LOG.debug("Start-up failure", e);
              System.exit(1);
            });
    // SIGTERM: stop accepting, close sockets, flush and close the store. A shutdown hook must be a
    // plain thread; it only waits for Vert.x to finish closing.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Harbour harbour = running.get();
                  if (harbour != null) {
                    LOG.info("Shutting down");
                    CountDownLatch stopped = new CountDownLatch(1);
                    harbour.stop().onComplete(r -> stopped.countDown());
                    try {
                      stopped.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "harbour-shutdown"));
  }
}
