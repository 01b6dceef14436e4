package uk.harbour.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import uk.harbour.reports.CoverLookup;
import uk.harbour.reports.ReportSettings;
import uk.harbour.reports.ReportWriter;
import uk.harbour.reports.Reports;
import uk.harbour.rota.RotaService;

/** Reports: the writer that keeps the episode records and roll-ups, and the service that reads them. */
public record ReportsWiring(ReportWriter writer, Reports reports, DemoHistory demoHistory) {

  static ReportsWiring build(Vertx vertx, HarbourConfig config, Clock clock, Repositories repos, ChatWiring chat, RotaService rota, StartupFiles files) {
    ReportSettings settings = new ReportSettings(config.routing().sla(), config.routing().urgentSla(), ReportSettings.MISSED_AFTER, config.zone());
    CoverLookup covers = new CoverLookup(rota::engine, files.holidays(), config.zone());
    ReportWriter writer = new ReportWriter(chat.chat(), repos.messages(), repos.reportDays(), repos.reportProgress(), covers, config.zone(), clock);
    Reports reports = new Reports(vertx, repos.reportDays(), repos.audit(), rota::engine, settings, clock);
    writer.onFlushed(reports::written);
    return new ReportsWiring(writer, reports,
        new DemoHistory(repos.careLeavers(), repos.messages(), chat.chat(), rota, files.holidays(), config.zone(), clock));
  }

  /**
   * Once the writer has caught up, reads the last 13 months into the day cache, so the first big
   * report after a start is quick too. Called when Harbour is ready: warming a year of episodes is
   * seconds of CPU, which would hold up a start on two cores.
   */
  void warmWhenCaughtUp() {
    writer.caughtUp().compose(v -> reports.warm())
        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(ReportsWiring.class).warn("Reports' day cache not warmed: the first reports read from the store", e));
  }
}
