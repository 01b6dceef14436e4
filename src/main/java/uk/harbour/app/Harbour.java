package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
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
    Node single = Node.create(null, null);
    // Not bound to a Vert.x context: after a failed start that Vert.x is closing, and a context-bound
    // future could no longer tell the caller why.
    Promise<Harbour> started = Promise.promise();
    AtomicReference<Node> running = new AtomicReference<>(single);
    ConfigLoader.load(single.vertx(), env, overrides)
        .compose(
            config -> {
              if (!config.cluster().enabled()) {
                return Future.succeededFuture(config);
              }
              // Configuration is read before Vert.x can be clustered; a single node never gets here. The
              // Vert.x that read it is closed once the clustered one runs: this chain still runs on it.
              return Node.clustered(config.cluster()).map(clustered -> {
                running.set(clustered);
                return config;
              });
            })
        .compose(
            config -> {
              Node runtime = running.get();
              MainVerticle main = new MainVerticle(config, clock.withZone(config.zone()), Optional.of(runtime.registry()), runtime.cluster());
              return runtime.vertx().deployVerticle(main).map(id -> new Harbour(runtime.vertx(), main, runtime.gc()));
            })
        .onComplete(
            result -> {
              if (running.get() != single) {
                single.close();
              }
              if (result.succeeded()) {
                started.complete(result.result());
              } else {
                running.get().close();
                started.fail(result.cause());
              }
            });
    return started.future();
  }

  /** This node's Vert.x with its metrics registry, clustered or not. */
  private record Node(Vertx vertx, PrometheusMeterRegistry registry, AutoCloseable gc, Optional<ClusterManager> cluster) {

    static Node create(ClusterManager manager, HarbourConfig.Cluster cluster) {
      return build(manager, cluster, (builder, registry, gc) -> new Node(builder.build(), registry, gc, Optional.empty()));
    }

    /**
     * Joins the cluster. The manager is made on its own thread (it resolves {@code cluster.host});
     * Vert.x then starts Hazelcast on a worker and completes once this node has found its members.
     */
    static Future<Node> clustered(HarbourConfig.Cluster cluster) {
      Promise<Node> joined = Promise.promise();
      Thread joiner = new Thread(() -> {
        try {
          ClusterManager manager = HazelcastCluster.manager(cluster);
          build(manager, cluster, (builder, registry, gc) -> builder.withClusterManager(manager).buildClustered()
                  .map(vertx -> new Node(vertx, registry, gc, Optional.of(manager))))
              .onComplete(joined);
        } catch (RuntimeException e) {
          joined.fail(e);
        }
      }, "harbour-cluster-join");
      joiner.setDaemon(true);
      joiner.start();
      return joined.future();
    }

    private interface Finish<T> {
      T with(io.vertx.core.VertxBuilder builder, PrometheusMeterRegistry registry, AutoCloseable gc);
    }

    private static <T> T build(ClusterManager manager, HarbourConfig.Cluster cluster, Finish<T> finish) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
      io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();
      gc.bindTo(registry);
      new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
      VertxOptions options =
          new VertxOptions()
              // Linux's epoll where available: NIO busy-polls around timers due within a millisecond.
              .setPreferNativeTransport(true)
              .setMetricsOptions(
                  new MicrometerMetricsOptions().setEnabled(true).setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                      // Each Vert.x its own registry: the one that read the configuration may still be closing.
                      .setRegistryName("harbour-" + java.util.UUID.randomUUID()));
      if (manager != null) {
        options.setEventBusOptions(HazelcastCluster.eventBus(cluster));
      }
      return finish.with(Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)), registry, gc);
    }

    Future<Void> close() {
      return vertx.close().onComplete(r -> {
        try {
          gc.close();
        } catch (Exception e) {
          LOG.debug("GC metrics did not close", e);
        }
      });
    }
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
                  // The JVM's mode shows a class archive in use ("sharing") and whether the JIT is on.
                  "Harbour ready at {} in {} ms ({} ms since the process started; JVM in {})",
                  harbour.services().config().http().publicUrl(),
                  (System.nanoTime() - started) / 1_000_000,
                  clock.millis() - jvmStart,
                  System.getProperty("java.vm.info"));
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
