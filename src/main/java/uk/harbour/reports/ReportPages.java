package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffPages;
import uk.harbour.web.Pages;

/** The dashboard at {@code /reports}: managers (their team) and admins, filters in the query string like the API. */
public final class ReportPages {

  private final Reports reports;
  private final Pages pages;

  public ReportPages(Reports reports, Pages pages) {
    this.reports = Objects.requireNonNull(reports);
    this.pages = Objects.requireNonNull(pages);
  }

  public void mount(Router router) {
    router.get("/reports").handler(RequireRole.of(Role.MANAGER, Role.ADMIN)).handler(this::page);
  }

  private void page(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    ReportQuery query = reports.allowed(who, ReportQueries.parse(ctx.queryParams(), reports.today()));
    String preset = ctx.queryParams().get("preset");
    reports.summary(who, query)
        .compose(summary -> reports.teams(who).map(teams -> ReportView.of(summary)
            .put("filters", filters(who, teams, query, preset))
            .put("exportQuery", exportQuery(query))))
        .compose(view -> pages.send(ctx, 200, "reports", StaffPages.model(ctx, view)))
        .onFailure(ctx::fail);
  }

  private JsonObject filters(SignedIn who, List<String> pickable, ReportQuery query, String preset) {
    JsonArray presets = new JsonArray();
    for (String[] p : new String[][] {{"7d", "Last 7 days"}, {"4w", "Last 4 weeks"}, {"quarter", "Last quarter (13 weeks)"}}) {
      presets.add(new JsonObject().put("value", p[0]).put("label", p[1]).put("selected", p[0].equals(preset)));
    }
    JsonArray teams = new JsonArray();
    pickable.forEach(t -> teams.add(new JsonObject().put("value", t).put("selected", query.team().map(t::equals).orElse(false))));
    JsonArray shiftTypes = new JsonArray();
    for (ShiftType t : ShiftType.values()) {
      shiftTypes.add(new JsonObject().put("value", t.code()).put("label", t.words()).put("selected", query.shiftType().map(t::equals).orElse(false)));
    }
    return new JsonObject()
        .put("from", query.from().toString())
        .put("to", query.to().toString())
        .put("presets", presets)
        .put("teams", teams)
        .put("anyTeam", who.role() == Role.ADMIN || who.team() == null)
        .put("adviser", query.adviser().orElse(""))
        .put("shiftTypes", shiftTypes)
        .put("urgent", query.priority().map("urgent"::equals).orElse(false))
        .put("normal", query.priority().map("normal"::equals).orElse(false));
  }

  /** The filters in force, as a query string for the CSV links (always as dates, so an export says what it holds). */
  private static String exportQuery(ReportQuery q) {
    StringBuilder out = new StringBuilder("from=").append(q.from()).append("&to=").append(q.to());
    q.team().ifPresent(t -> out.append("&team=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)));
    q.adviser().ifPresent(a -> out.append("&adviser=").append(URLEncoder.encode(a, StandardCharsets.UTF_8)));
    q.shiftType().ifPresent(t -> out.append("&shiftType=").append(t.code()));
    q.priority().ifPresent(p -> out.append("&priority=").append(p));
    return out.toString();
  }
}
