package uk.harbour.rota;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.Identity;
import uk.harbour.web.FormInput;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;

/**
 * Turns the rota page's posted forms into checked rota changes for {@link RotaService}, and the
 * service's refusals into messages a manager can act on.
 */
final class RotaForms {

  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

  private final RotaService rota;

  RotaForms(RotaService rota) {
    this.rota = Objects.requireNonNull(rota);
  }

  Future<?> addShift(RoutingContext ctx) {
    return guarded(() -> {
      Rota current = rota.current().engine().rota();
      List<ShiftTemplate> templates = new ArrayList<>(current.templates());
      templates.add(template(ctx, "s-" + RotaRoutes.newOverrideId().substring(2)));
      return replace(ctx, current, templates);
    });
  }

  Future<?> changeShift(RoutingContext ctx, String id) {
    return guarded(() -> {
      Rota current = rota.current().engine().rota();
      List<ShiftTemplate> templates = new ArrayList<>(current.templates());
      int index = indexOf(templates, id);
      templates.set(index, template(ctx, id));
      return replace(ctx, current, templates);
    });
  }

  Future<?> removeShift(RoutingContext ctx, String id) {
    return guarded(() -> {
      Rota current = rota.current().engine().rota();
      List<ShiftTemplate> templates = new ArrayList<>(current.templates());
      templates.remove(indexOf(templates, id));
      return replace(ctx, current, templates);
    });
  }

  /** One duty manager for every office-hours period; an empty choice means none. */
  Future<?> officeHoursDutyManager(RoutingContext ctx) {
    return guarded(() -> {
      Rota current = rota.current().engine().rota();
      long version = version(FormInput.of(ctx).required("version", 20, "the rota version (reload the page)"));
      Rota changed = new Rota(current.officeHours().withDutyManager(FormInput.of(ctx).optional("dutyManager", 64)), current.templates(),
          current.overrides(), current.capacity(), current.defaultCapacity(), current.bankHolidayPattern());
      return rota.replace(CurrentUser.required(ctx), Identity.address(ctx), changed, version);
    });
  }

  Future<?> addOverride(RoutingContext ctx) {
    return guarded(() -> {
      FormInput form = FormInput.of(ctx);
      RotaOverride.Kind kind = kind(form.required("kind", 20, "what kind of change this is"));
      RotaOverride override = new RotaOverride(RotaRoutes.newOverrideId(), kind,
          form.required("adviser", 64, "who this change is for"),
          dateTime(form.required("start", 40, "when it starts"), "start"),
          dateTime(form.required("end", 40, "when it ends"), "end"),
          kind == RotaOverride.Kind.SICKNESS ? Optional.empty() : form.optional("replaces", 64));
      return rota.addOverride(CurrentUser.required(ctx), Identity.address(ctx), override);
    });
  }

  Future<?> removeOverride(RoutingContext ctx, String id) {
    return rota.removeOverride(CurrentUser.required(ctx), Identity.address(ctx), id);
  }

  /** The version the form was drawn from: a change based on an older page is a 409, not an overwrite. */
  private Future<?> replace(RoutingContext ctx, Rota current, List<ShiftTemplate> templates) {
    long version = version(FormInput.of(ctx).required("version", 20, "the rota version (reload the page)"));
    Rota changed = new Rota(current.officeHours(), templates, current.overrides(), current.capacity(),
        current.defaultCapacity(), current.bankHolidayPattern());
    return rota.replace(CurrentUser.required(ctx), Identity.address(ctx), changed, version);
  }

  private ShiftTemplate template(RoutingContext ctx, String id) {
    FormInput form = FormInput.of(ctx);
    DayOfWeek day = day(form.required("day", 12, "the day the shift starts"));
    LocalTime start = time(form.required("start", 8, "the start time"), "start");
    LocalTime end = time(form.required("end", 8, "the end time"), "end");
    List<String> onCall = ctx.request().formAttributes().getAll("onCall").stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (onCall.size() > 20) {
      throw HarbourException.badRequest("too_many", "Choose at most 20 people to be on call.");
    }
    return new ShiftTemplate(id, day, start, end, onCall, form.optional("backup", 64), form.optional("dutyManager", 64));
  }

  private static int indexOf(List<ShiftTemplate> templates, String id) {
    for (int i = 0; i < templates.size(); i++) {
      if (templates.get(i).id().equals(id)) {
        return i;
      }
    }
    throw HarbourException.notFound("That shift is no longer in the rota. Reload the page.");
  }

  private static long version(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw HarbourException.badRequest("wrong_type", "The rota version is not a number. Reload the page.");
    }
  }

  private static DayOfWeek day(String text) {
    try {
      return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HarbourException.badRequest("bad_value", "Choose a day of the week.");
    }
  }

  private static RotaOverride.Kind kind(String text) {
    try {
      return RotaOverride.Kind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HarbourException.badRequest("bad_value", "Choose cover, swap or sickness.");
    }
  }

  private static LocalTime time(String text, String which) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw HarbourException.badRequest("bad_time", "Enter the " + which + " time like 17:00.");
    }
  }

  private static LocalDateTime dateTime(String text, String which) {
    return DateInput.dateTime(text)
        .orElseThrow(() -> HarbourException.badRequest("bad_time", "Enter the " + which + " as a date and time, like 2026-12-24 17:00."));
  }

  /** Form checks throw; this makes them a failed future like the service's refusals. */
  private static Future<?> guarded(java.util.concurrent.Callable<Future<?>> action) {
    try {
      return action.call();
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** The validator's messages name ids; on the page, say what to do instead (same status and code). */
  static Throwable plainEnglish(Throwable failure) {
    if (!(failure instanceof HarbourException e)) {
      return failure;
    }
    String message = switch (e.code()) {
      case "override_overlap" -> "That person already has another change to the rota at that time. Remove it first, or choose different times.";
      case "end_before_start" -> "The end must be after the start.";
      case "unknown_adviser", "bad_id" -> "Choose people from the lists: one of them is not an active member of staff.";
      case "nonexistent_local_time" -> "That time does not exist: the clocks go forward an hour that night, from 01:00 to 02:00. Choose a time outside that hour.";
      case "no_on_call_adviser" -> "Choose at least one person to be on call for the shift.";
      case "missing_replaces" -> "A swap needs the person being replaced.";
      case "conflict" -> "Someone else changed the rota while you had this page open, so your change was not saved. The page now shows the latest rota: please make your change again.";
      default -> e.getMessage();
    };
    return new HarbourException(e.status(), e.code(), message);
  }
}
