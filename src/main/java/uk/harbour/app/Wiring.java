package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import uk.harbour.chat.ChatSockets;
import uk.harbour.chat.PaChanges;
import uk.harbour.cluster.Leadership;
import uk.harbour.cluster.StoreLease;
import uk.harbour.signposting.CatalogueSync;
import uk.harbour.rota.RotaService;
import uk.harbour.routing.Routing;
import uk.harbour.signposting.CardHelpers;
import uk.harbour.signposting.CardSending;
import uk.harbour.signposting.CardView;
import uk.harbour.signposting.SavedHelp;
import uk.harbour.signposting.Signposting;
import uk.harbour.store.MongoStore;
import uk.harbour.web.Pages;

/**
 * Builds every service from configuration, the store and the files read at start, as a list: the
 * repositories and their indexes, then one small factory per feature in dependency order,
 * then the features' own start-up (catching up conversations, the rota, the catalogue). Seeding is
 * a duty of the node that leads ({@link Leadership}), like routing's sweep.
 */
final class Wiring {

  private Wiring() {}

  /** One node leads alone; several share a lease in the store, and the one whose holder left takes it at once. */
  private static Leadership leadership(HarbourConfig config, Clock clock, Repositories repos, ClusterNode node) {
    if (!node.clustered()) {
      return Leadership.alone();
    }
    StoreLease lease = new StoreLease(repos.leases(), node.id(), clock);
    node.onLeft(lease::nodeLeft);
    return lease;
  }

  static Future<Services> build(
      Vertx vertx, HarbourConfig config, Clock clock, MongoStore store, Future<Pages> pages, StartupFiles files,
      Optional<PrometheusMeterRegistry> metrics, ClusterNode node) {
    Repositories repos = Repositories.over(store, config, clock);
    return repos.createIndexes().compose(ready -> {
      ChatWiring chat = ChatWiring.build(vertx, config, clock, repos, node);
      IdentityWiring identity = IdentityWiring.build(vertx, config, clock, repos, files, new PaChanges(chat.chat(), clock));
      Leadership leadership = leadership(config, clock, repos, node);
      RotaService rota = new RotaService(vertx, repos.rota(), repos.staff(), repos.audit(), files.holidays(), config.zone(), clock,
          config.demo() ? Optional.of(config.files().demoRota()) : Optional.empty());
      Signposting signposting = new Signposting(repos.catalogue(), repos.careLeavers(), files.cards(), files.holidays(),
          new CardView.Council(config.council().name(), config.council().outOfHoursPhone()), repos.audit(), clock);
      Routing routing = RoutingWiring.build(vertx, config, clock, repos, chat, rota, signposting, files.safety(), leadership);
      // Seeding runs where routing runs: two nodes starting at once would both insert the same entries.
      leadership.onGained(() -> signposting.seed(files.nationalHelp()).mapEmpty());
      ChatSockets sockets = chat.sockets(vertx, config, clock, repos, routing.view());
      ReportsWiring reports = ReportsWiring.build(vertx, config, clock, repos, chat, rota, files);
      return chat.start()
          .compose(v -> rota.start())
          .compose(v -> signposting.start())
          .compose(v -> node.clustered() ? new CatalogueSync(vertx.eventBus(), node.id(), signposting).start() : Future.succeededFuture())
          .compose(v -> pages)
          .map(loaded -> {
            CardHelpers.forPages().forEach(loaded::helper);
            return new Services(
                config, clock, store, loaded, metrics, repos.audit(), identity.identity(), chat.chat(), sockets, identity.sessionStore(),
                identity.socketAuthenticator(), repos.staff(), routing, rota, chat.presence(), signposting,
                new SavedHelp(repos.savedHelp(), signposting, clock), new CardSending(chat.chat(), signposting, chat.accountLimit()), files.safety(),
                leadership, reports);
          });
    });
  }
}
