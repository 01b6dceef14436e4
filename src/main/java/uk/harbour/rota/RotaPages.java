package uk.harbour.rota;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.Identity;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccount;
import uk.harbour.identity.StaffPages;
import uk.harbour.web.DateInput;
import uk.harbour.web.FormFailures;
import uk.harbour.web.HarbourException;
import uk.harbour.web.Pages;

/**
 * The rota page {@code /rota}: a week view for all staff, who is on call and available now, gaps
 * coming up, and (managers and admins) forms to change the weekly pattern and add or remove
 * overrides. Every form posts with its CSRF token; a refused change shows the page again with a
 * plain-English message and nothing stored.
 */
public final class RotaPages {

  private final RotaService rota;
  private final Identity identity;
  private final Pages pages;
  private final Function<String, String> availability;
  private final RotaForms forms;

  /** @param availability a staff id to "available", "busy", "away" or "offline" */
  public RotaPages(RotaService rota, Identity identity, Pages pages, Function<String, String> availability) {
    this.rota = Objects.requireNonNull(rota);
    this.identity = Objects.requireNonNull(identity);
    this.pages = Objects.requireNonNull(pages);
    this.availability = Objects.requireNonNull(availability);
    this.forms = new RotaForms(rota);
  }

  public void mount(Router router) {
    RequireRole managers = RequireRole.of(Role.MANAGER, Role.ADMIN);
    router.get("/rota").handler(RequireRole.staff()).handler(ctx -> page(ctx, 200, new JsonObject()));
    router.post("/rota/shifts").handler(managers).handler(ctx -> act(ctx, forms.addShift(ctx)));
    router.post("/rota/shifts/:id").handler(managers).handler(ctx -> act(ctx, forms.changeShift(ctx, ctx.pathParam("id"))));
    router.post("/rota/shifts/:id/remove").handler(managers).handler(ctx -> act(ctx, forms.removeShift(ctx, ctx.pathParam("id"))));
    router.post("/rota/office-hours").handler(managers).handler(ctx -> act(ctx, forms.officeHoursDutyManager(ctx)));
    router.post("/rota/overrides").handler(managers).handler(ctx -> act(ctx, forms.addOverride(ctx)));
    router.post("/rota/overrides/:id/remove").handler(managers).handler(ctx -> act(ctx, forms.removeOverride(ctx, ctx.pathParam("id"))));
  }

  /** Runs a form's change; on success back to the same week, else the page again with the reason. */
  private void act(RoutingContext ctx, Future<?> change) {
    change
        .onSuccess(v -> ctx.redirect("/rota?week=" + week(ctx, "week") + "&saved=1"))
        .onFailure(e -> FormFailures.reshow(ctx, RotaForms.plainEnglish(e), new JsonObject(), (status, model) -> page(ctx, status, model)));
  }

  private void page(RoutingContext ctx, int status, JsonObject model) {
    SignedIn user = CurrentUser.required(ctx);
    LocalDate monday = RotaWeekView.mondayOf(week(ctx, "week"));
    identity
        .staffAccounts()
        .all()
        .compose(staff -> {
          RotaService.Current current = rota.current();
          Map<String, String> names = staff.stream().collect(Collectors.toMap(StaffAccount::username, StaffAccount::displayName));
          RotaWeekView view = new RotaWeekView(current.engine(), rota.holidays(), rota.zone(), names);
          JsonObject now = view.now(rota.clock().instant());
          model
              .mergeIn(view.week(monday))
              .put("thisWeek", RotaWeekView.mondayOf(LocalDate.now(rota.clock())).toString())
              .put("saved", "1".equals(ctx.queryParams().get("saved")) && status == 200)
              .put("now", now)
              .put("gaps", view.gapsFrom(rota.clock().instant(), RotaService.activeIds(staff)::contains))
              .put("available", availableStaff(staff, now.getJsonArray("onCallIds")))
              .put("canEdit", user.role() == Role.MANAGER || user.role() == Role.ADMIN)
              .put("version", current.version())
              .put("templates", templates(current.engine().rota(), staff, view))
              .put("newShift", editable(null, staff))
              .put("overrides", overrides(current.engine().rota(), view))
              .put("people", people(staff))
              .put("officeDutyManagers", officeDutyManagers(current.engine().rota(), staff, view))
              .put("dayNames", days(null));
          JsonObject full = StaffPages.model(ctx, model);
          // The shift forms are one partial used in loops: give each what its hidden fields need.
          JsonObject hidden = new JsonObject().put("csrfToken", full.getString("csrfToken")).put("version", current.version()).put("week", monday.toString());
          full.getJsonArray("templates").forEach(t -> ((JsonObject) t).mergeIn(hidden).put("existing", true));
          full.getJsonObject("newShift").mergeIn(hidden);
          return pages.send(ctx, status, "rota", full);
        })
        .onFailure(ctx::fail);
  }

  /** The week asked for, or this week when none is given. */
  private LocalDate week(RoutingContext ctx, String name) {
    String text = ctx.request().getParam(name);
    if (text == null) {
      text = ctx.request().getFormAttribute(name);
    }
    if (text == null || text.isBlank()) {
      return LocalDate.now(rota.clock());
    }
    return DateInput.date(text.strip())
        .orElseThrow(() -> HarbourException.badRequest("bad_date", "The week must be a date like 2026-10-26, in the years 1900 to 2999."));
  }

  private JsonArray availableStaff(List<StaffAccount> staff, JsonArray onCallIds) {
    JsonArray out = new JsonArray();
    staff.stream()
        .filter(StaffAccount::active)
        .sorted(Comparator.comparing(StaffAccount::displayName))
        .forEach(a -> {
          String status = availability.apply(a.username());
          out.add(new JsonObject()
              .put("name", a.displayName())
              .put("role", a.role() == Role.ADVISER ? "Adviser" : a.role() == Role.MANAGER ? "Manager" : "Admin")
              .put("status", switch (status) {
                case "available" -> "Available";
                case "busy" -> "Busy";
                case "away" -> "Away";
                default -> "Not signed in to the console";
              })
              .put("statusClass", status)
              .put("onCall", onCallIds.contains(a.username())));
        });
    return out;
  }

  private static JsonArray templates(Rota rota, List<StaffAccount> staff, RotaWeekView view) {
    JsonArray out = new JsonArray();
    rota.templates().stream()
        .sorted(Comparator.comparing(ShiftTemplate::day).thenComparing(ShiftTemplate::start))
        .forEach(t -> out.add(editable(t, staff)
            .put("summary", t.day().getDisplayName(TextStyle.FULL, Locale.UK) + " " + t.start() + " to " + t.end()
                + (t.runsIntoNextDay() ? " next day" : ""))
            .put("onCallNames", view.names(t.onCall()))
            .put("backupName", t.backup().map(view::name).orElse("none"))
            .put("dutyManagerName", t.dutyManager().map(view::name).orElse("none"))));
    return out;
  }

  /** A shift template as form fields, with every option's selected state worked out here. */
  private static JsonObject editable(ShiftTemplate t, List<StaffAccount> staff) {
    JsonArray options = new JsonArray();
    staff.stream().filter(StaffAccount::active).sorted(Comparator.comparing(StaffAccount::displayName)).forEach(a -> options.add(new JsonObject()
        .put("username", a.username())
        .put("displayName", a.displayName())
        .put("onCall", t != null && t.onCall().contains(a.username()))
        .put("backup", t != null && t.backup().map(a.username()::equals).orElse(false))
        .put("dutyManager", t != null && t.dutyManager().map(a.username()::equals).orElse(false))));
    JsonObject json = new JsonObject().put("options", options).put("days", days(t == null ? null : t.day()));
    if (t != null) {
      json.put("id", t.id()).put("start", t.start().toString()).put("end", t.end().toString());
    } else {
      json.put("id", "new").put("start", "17:00").put("end", "09:00");
    }
    return json;
  }

  private static JsonArray days(DayOfWeek selected) {
    JsonArray out = new JsonArray();
    for (DayOfWeek day : DayOfWeek.values()) {
      out.add(new JsonObject().put("value", day.name()).put("label", day.getDisplayName(TextStyle.FULL, Locale.UK)).put("selected", day == selected));
    }
    return out;
  }

  private static JsonArray overrides(Rota rota, RotaWeekView view) {
    JsonArray out = new JsonArray();
    rota.overrides().stream().sorted(Comparator.comparing(RotaOverride::start)).forEach(o -> out.add(new JsonObject()
        .put("id", o.id())
        .put("what", switch (o.kind()) {
          case COVER -> view.name(o.adviserId()) + " covers" + o.replaces().map(r -> " for " + view.name(r)).orElse("");
          case SWAP -> view.name(o.adviserId()) + " swaps in for " + o.replaces().map(view::name).orElse("");
          case SICKNESS -> view.name(o.adviserId()) + " is off sick";
        })
        .put("from", RotaForms.SHOWN.format(o.start()))
        .put("to", RotaForms.SHOWN.format(o.end()))));
    return out;
  }

  /** Managers to choose from for office hours, the current one selected; empty when office hours have several. */
  private static JsonObject officeDutyManagers(Rota rota, List<StaffAccount> staff, RotaWeekView view) {
    List<String> current = rota.officeHours().periods().stream().map(p -> p.dutyManager().orElse("")).distinct().toList();
    String chosen = current.size() == 1 ? current.get(0) : "";
    JsonArray options = new JsonArray();
    staff.stream().filter(a -> a.active() && a.role() != Role.ADVISER).sorted(Comparator.comparing(StaffAccount::displayName))
        .forEach(a -> options.add(new JsonObject().put("username", a.username()).put("displayName", a.displayName()).put("selected", a.username().equals(chosen))));
    return new JsonObject()
        .put("options", options)
        .put("name", chosen.isEmpty() ? null : view.name(chosen))
        .put("hasOfficeHours", !rota.officeHours().periods().isEmpty());
  }

  private static JsonArray people(List<StaffAccount> staff) {
    JsonArray out = new JsonArray();
    staff.stream().filter(StaffAccount::active).sorted(Comparator.comparing(StaffAccount::displayName))
        .forEach(a -> out.add(new JsonObject().put("username", a.username()).put("displayName", a.displayName())));
    return out;
  }
}
