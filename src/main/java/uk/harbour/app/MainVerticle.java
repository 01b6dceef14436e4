package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.spi.cluster.ClusterManager;
import uk.harbour.cluster.Leadership;
import uk.harbour.cluster.LeaseVerticle;
import uk.harbour.cluster.StoreLease;
import uk.harbour.store.MongoStore;
import uk.harbour.chat.ChatUpgrade;
import uk.harbour.web.HttpVerticle;
import uk.harbour.web.InvalidRequestHandler;
import uk.harbour.reports.ReportsVerticle;
import uk.harbour.routing.RoutingVerticle;
import uk.harbour.web.Pages;

/**
 * Wires Harbour: opens the store, prepares shared services, then deploys the HTTP verticles.
 * Vert.x undeploys children before this verticle stops, so the store closes after HTTP.
 */
public final class MainVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);

  private final HarbourConfig config;
  private final Clock clock;
  private final Optional<PrometheusMeterRegistry> metrics;
  private final Optional<ClusterManager> cluster;
  private MongoStore store;
  private Services services;
  private final List<HttpVerticle> httpVerticles = new CopyOnWriteArrayList<>();
  /** Completes once Harbour serves: the reports' start-up catch-up waits for it. */
  private final Promise<Void> serving = Promise.promise();

  public MainVerticle(HarbourConfig config, Clock clock, Optional<PrometheusMeterRegistry> metrics, Optional<ClusterManager> cluster) {
    this.config = Objects.requireNonNull(config);
    this.clock = Objects.requireNonNull(clock);
    this.metrics = Objects.requireNonNull(metrics);
    this.cluster = Objects.requireNonNull(cluster);
  }

  @Override
  public Future<?> start() {
    HarbourConfig.Store storeConfig = config.store();
    ClusterNode node = new ClusterNode(cluster, context);
    // Reading the files takes as long as opening the store; neither needs the other, so they run at
    // once (docs/performance.md, "Start-up"). The pages compile after ready (Pages#compileAll).
    Future<Pages> pages = Pages.load(vertx, config.webRoot(), siteModel());
    Future<StartupFiles> files = StartupFiles.read(vertx, config);
    Future<MongoStore> opened = MongoStore.open(vertx, storeConfig.mongoUri(), storeConfig.database(), storeConfig.dataDir())
        .onSuccess(s -> store = s);
    // join, not all: a failed file read still waits for the store, so the store is closed below.
    return Future.join(opened, files)
        .compose(all -> Wiring.build(vertx, config, clock, store, pages, files.result(), metrics, node))
        .onSuccess(built -> services = built)
        .compose(built -> startLeadership(node))
        .compose(v -> vertx.deployVerticle(new RoutingVerticle(services.routing(), config.routing().sweep(), services.leadership())))
        .compose(v -> deployHttp())
        // What can wait goes after ready: on two cores it took the CPU the start needed.
        .onSuccess(v -> {
          serving.complete();
          services.reports().warmWhenCaughtUp();
          services.pages().compileAll();
        })
        .recover(this::releaseStore);
  }

  /**
   * Vert.x never stops a verticle whose start failed, so the store opened for it is closed here:
   * left open, it kept its file locked and its driver reconnecting on event loops closed with Vert.x.
   */
  private <T> Future<T> releaseStore(Throwable startFailure) {
    Future<Void> closed = store == null ? Future.succeededFuture() : store.close();
    return closed.transform(r -> Future.failedFuture(startFailure));
  }

  /**
   * The reports writer runs and the demo is seeded on whichever node leads (the only one, or the
   * lease holder), as it takes over; a node that takes the lease at start does both before it
   * serves anyone. The writer is deployed once, after the seeding, so its start-up catch-up folds the
   * demo's history.
   */
  private Future<?> startLeadership(ClusterNode node) {
    Leadership leadership = services.leadership();
    if (config.demo()) {
      leadership.onGained(() -> DemoData.seed(vertx, services));
    }
    AtomicBoolean reporting = new AtomicBoolean();
    leadership.onGained(() -> reporting.compareAndSet(false, true)
        ? vertx.deployVerticle(new ReportsVerticle(services.reports().writer(), node.clustered(), leadership::leading, serving.future())).mapEmpty()
        : Future.succeededFuture());
    metrics.ifPresent(registry -> {
      Gauge.builder("harbour.routing.leader", leadership, l -> l.leading() ? 1 : 0)
          .description("1 while this node runs routing's sweep, escalations and handovers").register(registry);
      Gauge.builder("harbour.cluster.members", node, ClusterNode::members).description("Nodes in the cluster, this one included").register(registry);
      FunctionCounter.builder("harbour.alerts.unseen", services.routing(), r -> r.unseenAlerts())
          .description("Escalation alerts nobody on shift saw: nobody had Harbour open, or no console confirmed receiving it").register(registry);
    });
    return leadership instanceof StoreLease lease ? vertx.deployVerticle(new LeaseVerticle(lease)) : leadership.start();
  }

  private Future<String> deployHttp() {
    return vertx.deployVerticle(
        () -> {
          HttpVerticle verticle =
              new HttpVerticle(
                  config.http().host(),
                  config.http().port(),
                  () -> HarbourRouter.create(vertx, services),
                  new InvalidRequestHandler(services.pages()),
                  open -> new ChatUpgrade(services.chatSockets(), services.socketAuthenticator(), open, config.http().publicUrl()));
          httpVerticles.add(verticle);
          return verticle;
        },
        new DeploymentOptions().setInstances(config.http().instances()));
  }

  /** The port the HTTP server listens on (useful when configured as 0). */
  public int httpPort() {
    return httpVerticles.get(0).actualPort();
  }

  @Override
  public Future<?> stop() {
    if (store == null) {
      return Future.succeededFuture();
    }
    return (services == null ? Future.succeededFuture() : settle(services)).compose(v -> {
      LOG.info("Stopping: closing the store");
      return store.close();
    });
  }

  /**
   * What ends before the store closes: the pages' compile, and routing's sweep (after the
   * conversation it is checking) and then the snapshots, so they hold what that sweep stored.
   */
  private static Future<Void> settle(Services services) {
    Future<Void> compiled = services.pages().stopCompiling();
    Future<Void> snapshots = services.routing().stopSweeping()
        .compose(v -> services.chat().writeSnapshotsNow())
        // Only slower: the next start catches those conversations up from their messages.
        .recover(e -> {
          LOG.warn("Stopping: some conversation snapshots were not written", e);
          return Future.succeededFuture();
        });
    return Future.join(compiled, snapshots).mapEmpty();
  }

  public Services services() {
    return services;
  }

  private JsonObject siteModel() {
    return new JsonObject()
        .put("councilName", config.council().name())
        .put("outOfHoursPhone", config.council().outOfHoursPhone())
        .put("exitUrl", config.council().exitUrl().toString());
  }
}
