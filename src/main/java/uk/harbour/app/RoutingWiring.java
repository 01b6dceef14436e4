package uk.harbour.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import uk.harbour.chat.ChatAddresses;
import uk.harbour.cluster.Leadership;
import uk.harbour.identity.SignOuts;
import uk.harbour.rota.RotaService;
import uk.harbour.routing.AlertReceipts;
import uk.harbour.routing.ConversationAssigner;
import uk.harbour.routing.CrisisHelp;
import uk.harbour.routing.DayHandover;
import uk.harbour.routing.Escalations;
import uk.harbour.routing.HelpOpenNow;
import uk.harbour.routing.OnCallView;
import uk.harbour.routing.RiskResponse;
import uk.harbour.routing.RotaNow;
import uk.harbour.routing.Routing;
import uk.harbour.routing.RoutingSettings;
import uk.harbour.routing.RoutingTexts;
import uk.harbour.routing.StaffDirectory;
import uk.harbour.safety.Safety;
import uk.harbour.signposting.Signposting;

/** Who gets a conversation, the honest auto-reply, the escalation ladder and handovers. */
final class RoutingWiring {

  private RoutingWiring() {}

  static Routing build(
      Vertx vertx,
      HarbourConfig config, Clock clock, Repositories repos, ChatWiring chat, RotaService rota, Signposting signposting, Safety safety,
      Leadership leadership) {
    RoutingSettings settings = config.routing();
    StaffDirectory directory = new StaffDirectory(repos.staff());
    // Someone disabled is on nobody's shift, whatever the rota says.
    RotaNow now = new RotaNow(rota::engine, directory::mayWork);
    RoutingTexts texts = new RoutingTexts(config.zone(), config.council().name(), config.council().outOfHoursPhone());
    HelpOpenNow help = (at, careLeaverId, limit) -> signposting.audienceFor(careLeaverId).compose(who -> signposting.openNowCards(at, who, limit));
    CrisisHelp crisis = (at, careLeaverId, also) -> signposting.audienceFor(careLeaverId).compose(who -> signposting.crisisCards(at, who, also));
    AlertReceipts receipts = new AlertReceipts(vertx, settings.alertReceipt(), clock);
    // Every node hears every console's receipts; only where routing runs is anything waiting for them.
    vertx.eventBus().<String>consumer(ChatAddresses.ALERT_RECEIVED, receipt -> receipts.received(receipt.body()));
    Escalations escalations = new Escalations(chat.chat(), chat.delivery(), now, chat.presence(), directory, texts, settings, receipts);
    Routing routing = new Routing(
        chat.chat(),
        chat.delivery(),
        new ConversationAssigner(chat.chat(), now, chat.presence(), directory, help, texts, settings, clock),
        escalations,
        new RiskResponse(chat.chat(), safety, crisis, escalations, texts, repos.audit(), vertx, RiskResponse.RETRIES, clock),
        new DayHandover(chat.chat(), chat.delivery(), now, directory, texts, config.zone()),
        new OnCallView(chat.chat(), now, chat.presence(), directory, texts, clock),
        directory,
        settings.disconnectGrace(),
        settings.stepLimit(),
        vertx,
        clock);
    // A rota change (cover, sickness) can end someone's shift now: hand over at once (where routing runs;
    // every node hears the change).
    rota.onChange(engine -> {
      if (leadership.leading()) {
        routing.sweep();
      }
    });
    // A staff account disabled or enabled (on any node): every node's routing learns it now, and
    // where routing runs, the sweep moves a disabled person's conversations on at once.
    vertx.eventBus().<String>consumer(SignOuts.STAFF_CHANGED, changed -> directory.refresh().onComplete(refreshed -> {
      if (leadership.leading()) {
        routing.sweep();
      }
    }));
    leadership.onGained(routing::takeOver);
    return routing;
  }
}
