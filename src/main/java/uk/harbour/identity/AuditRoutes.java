package uk.harbour.identity;

import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.harbour.audit.AuditLog.AuditQuery;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.Pages;

/** Managers and admins read the audit log, filtered, as a page or JSON. There is no write route. */
public final class AuditRoutes {

  private final AuditLog audit;
  private final AuditNames names;
  private final AuditRows rows;
  private final Pages pages;
  private final ZoneId zone;

  public AuditRoutes(AuditLog audit, Identity identity, Pages pages, ZoneId zone) {
    this.audit = Objects.requireNonNull(audit);
    this.names = new AuditNames(identity.staffAccounts(), identity.youngPeople());
    this.rows = new AuditRows(zone);
    this.pages = Objects.requireNonNull(pages);
    this.zone = Objects.requireNonNull(zone);
  }

  public void mount(Router router) {
    RequireRole guard = RequireRole.of(Role.MANAGER, Role.ADMIN);
    router.get("/audit").handler(guard).handler(this::page);
    router.get("/api/audit").handler(guard).handler(this::api);
  }

  private void api(RoutingContext ctx) {
    audit
        .find(query(ctx))
        .onSuccess(
            events -> {
              JsonArray array = new JsonArray();
              events.forEach(e -> array.add(e.toJson()));
              ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject().put("events", array).encode());
            })
        .onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx) {
    AuditQuery query = query(ctx);
    JsonArray actions = new JsonArray();
    Arrays.stream(AuditAction.values())
        .forEach(
            a ->
                actions.add(
                    new JsonObject().put("name", a.name()).put("words", a.words()).put("selected", query.action().map(a::equals).orElse(false))));
    JsonObject filters =
        new JsonObject()
            .put("actor", ctx.queryParams().get("actor"))
            .put("subject", ctx.queryParams().get("subject"))
            .put("from", ctx.queryParams().get("from"))
            .put("to", ctx.queryParams().get("to"));
    SignedIn reader = CurrentUser.required(ctx);
    audit
        .find(query)
        .compose(
            events -> {
              Set<String> ids = new HashSet<>();
              events.forEach(e -> {
                ids.add(e.actorId());
                ids.add(e.subjectId());
              });
              return names.of(reader, ids).map(known -> {
                JsonArray shown = new JsonArray();
                events.forEach(e -> shown.add(rows.row(e, known)));
                return shown;
              });
            })
        .compose(shown -> pages.send(ctx, 200, "audit", StaffPages.model(ctx, new JsonObject().put("events", shown).put("actions", actions).put("filters", filters))))
        .onFailure(ctx::fail);
  }

  private AuditQuery query(RoutingContext ctx) {
    return new AuditQuery(
        text(ctx, "actor"),
        text(ctx, "action").map(AuditRoutes::action),
        text(ctx, "subject"),
        text(ctx, "from").map(d -> date(d).atStartOfDay(zone).toInstant()),
        text(ctx, "to").map(d -> date(d).plusDays(1).atStartOfDay(zone).toInstant()),
        200);
  }

  private static Optional<String> text(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    String value = values.isEmpty() ? null : values.get(0);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > 100 || value.startsWith("$")) {
      throw HarbourException.badRequest("bad_filter", "That filter is not valid.");
    }
    return Optional.of(value.strip());
  }

  private static AuditAction action(String name) {
    try {
      return AuditAction.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw HarbourException.badRequest("bad_filter", "Unknown action.");
    }
  }

  private static LocalDate date(String text) {
    return DateInput.date(text).orElseThrow(() -> HarbourException.badRequest("bad_date", "Dates must look like 2026-11-28, in the years 1900 to 2999."));
  }
}
