package uk.harbour.reports;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.Identity;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;

/**
 * The reports API: the summary as JSON, the same figures and one row per episode as CSV (both
 * audited), and a member of staff's own week. docs/api.md and docs/reports.md describe them.
 */
public final class ReportRoutes {

  private final Reports reports;

  public ReportRoutes(Reports reports) {
    this.reports = Objects.requireNonNull(reports);
  }

  public void mount(Router router) {
    RequireRole managers = RequireRole.of(Role.MANAGER, Role.ADMIN);
    router.get("/api/reports/summary").handler(managers).handler(this::summary);
    router.get("/api/reports/summary.csv").handler(managers).handler(this::summaryCsv);
    router.get("/api/reports/episodes.csv").handler(managers).handler(this::episodesCsv);
    router.get("/api/reports/me").handler(RequireRole.of(Role.ADVISER, Role.MANAGER)).handler(this::myWeek);
  }

  private void summary(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    reports.summary(who, ReportQueries.parse(ctx.queryParams(), reports.today()))
        .onSuccess(summary -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
            .end(summary.encode()))
        .onFailure(ctx::fail);
  }

  private void summaryCsv(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    ReportQuery query = ReportQueries.parse(ctx.queryParams(), reports.today());
    reports.exportSummary(who, Identity.address(ctx), query)
        .onSuccess(summary -> csv(ctx, "harbour-summary-" + query.from() + "-to-" + query.to() + ".csv", ReportCsv.summary(summary)))
        .onFailure(ctx::fail);
  }

  private void episodesCsv(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    ReportQuery query = ReportQueries.parse(ctx.queryParams(), reports.today());
    reports.exportEpisodes(who, Identity.address(ctx), query)
        .onSuccess(rows -> csv(ctx, "harbour-episodes-" + query.from() + "-to-" + query.to() + ".csv",
            ReportCsv.episodes(rows, reports.now().getEpochSecond(), reports.settings())))
        .onFailure(ctx::fail);
  }

  private void myWeek(RoutingContext ctx) {
    reports.myWeek(CurrentUser.required(ctx))
        .onSuccess(week -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
            .end(MyWeek.of(week).encode()))
        .onFailure(ctx::fail);
  }

  private static void csv(RoutingContext ctx, String filename, String body) {
    ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
