package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.Identity;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.Tokens;
import uk.harbour.rota.RotaRepository.StoredRota;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/** The rota's JSON API: staff read it; managers and admins change it (docs/rota.md, docs/api.md). */
public final class RotaRoutes {

  /** Longest span {@code GET /api/rota/shifts} answers: two months of week views. */
  static final int MAX_SHIFT_DAYS = 62;
  private static final String[] ROTA_FIELDS = {
    "version", "officeHours", "templates", "overrides", "capacity", "defaultCapacity", "bankHolidayPattern"
  };

  private final RotaService rota;

  public RotaRoutes(RotaService rota) {
    this.rota = Objects.requireNonNull(rota);
  }

  public void mount(Router router) {
    RequireRole staff = RequireRole.staff();
    RequireRole managers = RequireRole.of(Role.MANAGER, Role.ADMIN);
    router.get("/api/rota").handler(staff).handler(this::get);
    router.put("/api/rota").handler(managers).handler(this::replace);
    router.post("/api/rota/overrides").handler(managers).handler(this::addOverride);
    router.delete("/api/rota/overrides/:id").handler(managers).handler(this::removeOverride);
    router.get("/api/rota/shifts").handler(staff).handler(this::shifts);
    router.get("/api/rota/gaps").handler(staff).handler(this::gaps);
  }

  private void get(RoutingContext ctx) {
    RotaService.Current current = rota.current();
    json(ctx, 200, RotaJson.toJson(current.engine().rota()).put("version", current.version()));
  }

  private void replace(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, ROTA_FIELDS);
    long version = in.optionalLong("version", 0, Long.MAX_VALUE)
        .orElseThrow(() -> HarbourException.badRequest("missing_field", "'version' is required: send the version you read."));
    JsonObject body = in.raw().copy();
    body.remove("version");
    Rota parsed = RotaJson.rotaFromJson(body, RotaService.DEFAULT_CAPACITY);
    rota.replace(CurrentUser.required(ctx), Identity.address(ctx), parsed, version)
        .onSuccess(stored -> json(ctx, 200, view(stored)))
        .onFailure(ctx::fail);
  }

  private void addOverride(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "id", "kind", "adviser", "start", "end", "replaces");
    JsonObject body = in.raw().copy();
    if (body.getValue("id") == null) {
      body.put("id", newOverrideId());
    }
    RotaOverride override = RotaJson.overrideFromJson(body);
    rota.addOverride(CurrentUser.required(ctx), Identity.address(ctx), override)
        .onSuccess(stored -> json(ctx, 201, new JsonObject().put("version", stored.version()).put("override", RotaJson.toJson(override))))
        .onFailure(ctx::fail);
  }

  private void removeOverride(RoutingContext ctx) {
    rota.removeOverride(CurrentUser.required(ctx), Identity.address(ctx), ctx.pathParam("id"))
        .onSuccess(stored -> json(ctx, 200, new JsonObject().put("version", stored.version())))
        .onFailure(ctx::fail);
  }

  private void shifts(RoutingContext ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    checkRange(from, to, MAX_SHIFT_DAYS);
    LocalTimes times = new LocalTimes(rota.zone());
    JsonArray shifts = new JsonArray();
    rota.engine()
        .shiftsBetween(times.startOf(from.atStartOfDay()), times.startOf(to.plusDays(1).atStartOfDay()))
        .forEach(s -> shifts.add(RotaJson.toJson(s)));
    json(ctx, 200, new JsonObject().put("from", from.toString()).put("to", to.toString()).put("shifts", shifts));
  }

  private void gaps(RoutingContext ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    rota.gaps(from, to)
        .onSuccess(found -> {
          JsonArray gaps = new JsonArray();
          found.forEach(g -> gaps.add(RotaJson.toJson(g)));
          json(ctx, 200, new JsonObject().put("from", from.toString()).put("to", to.toString()).put("gaps", gaps));
        })
        .onFailure(ctx::fail);
  }

  static JsonObject view(StoredRota stored) {
    return RotaJson.toJson(stored.rota()).put("version", stored.version());
  }

  /** Server-made ids for overrides added without one (always from the form). */
  static String newOverrideId() {
    return "o-" + Tokens.random().replaceAll("[^A-Za-z0-9]", "").substring(0, 12);
  }

  static void checkRange(LocalDate from, LocalDate to, int maxDays) {
    if (to.isBefore(from)) {
      throw HarbourException.badRequest("end_before_start", "The last date is before the first.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
      throw HarbourException.badRequest("range_too_long", "Ask for at most " + maxDays + " days at a time.");
    }
  }

  static LocalDate date(RoutingContext ctx, String name) {
    String text = ctx.queryParams().get(name);
    if (text == null || text.isBlank()) {
      throw HarbourException.badRequest("missing_field", "'" + name + "' is required, as a date like 2026-10-26.");
    }
    return DateInput.date(text)
        .orElseThrow(() -> HarbourException.badRequest("bad_date", "'" + name + "' must be a date like 2026-10-26, in the years 1900 to 2999."));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
