package uk.harbour.rota;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.Optional;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.web.PlainEnglish;

/**
 * The page model of one week (Monday to Sunday) of the rota, in plain English: each day's shifts
 * with who is on call, backup and duty manager, bank holidays, clock changes, and gaps. Pure: the
 * engine, the names and the instant "now" are inputs.
 */
final class RotaWeekView {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
  private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
  /** How far ahead the page warns about gaps. */
  static final int GAP_WEEKS = 4;

  private final RotaEngine engine;
  private final BankHolidays holidays;
  private final ZoneId zone;
  private final Map<String, String> names;

  RotaWeekView(RotaEngine engine, BankHolidays holidays, ZoneId zone, Map<String, String> names) {
    this.engine = Objects.requireNonNull(engine);
    this.holidays = Objects.requireNonNull(holidays);
    this.zone = Objects.requireNonNull(zone);
    this.names = Map.copyOf(names);
  }

  static LocalDate mondayOf(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** {@code week}, {@code weekOf}, {@code previous}, {@code next} and seven {@code days}. */
  JsonObject week(LocalDate monday) {
    LocalTimes times = new LocalTimes(zone);
    Instant from = times.startOf(monday.atStartOfDay());
    Instant to = times.startOf(monday.plusDays(7).atStartOfDay());
    List<ShiftInstance> shifts = engine.shiftsBetween(from, to);
    List<ShiftInstance> office = engine.officeHoursBetween(from, to);
    JsonArray days = new JsonArray();
    for (int i = 0; i < 7; i++) {
      LocalDate date = monday.plusDays(i);
      JsonArray dayShifts = new JsonArray();
      for (ShiftInstance shift : shifts) {
        LocalDate starts = shift.start().atZone(zone).toLocalDate();
        // A shift belongs to the day it starts; one running in from the week before shows on Monday.
        if (starts.equals(date) || (i == 0 && starts.isBefore(monday))) {
          dayShifts.add(shift(shift, date));
        }
      }
      JsonArray officeHours = new JsonArray();
      for (ShiftInstance hours : office) {
        if (hours.start().atZone(zone).toLocalDate().equals(date)) {
          JsonObject json = new JsonObject()
              .put("time", TIME.format(hours.start().atZone(zone)) + " to " + TIME.format(hours.end().atZone(zone)))
              .put("changed", !hours.overrideIds().isEmpty());
          hours.dutyManager().ifPresent(m -> json.put("dutyManager", name(m)));
          officeHours.add(json);
        }
      }
      JsonObject day = new JsonObject()
          .put("date", date.toString())
          .put("label", DAY.format(date))
          .put("officeHours", officeHours)
          .put("shifts", dayShifts);
      holidays.name(date).ifPresent(name -> day.put("bankHoliday", name));
      clockChange(date).ifPresent(text -> day.put("clockChange", text));
      days.add(day);
    }
    return new JsonObject()
        .put("week", monday.toString())
        .put("weekOf", FULL_DAY.format(monday))
        .put("previous", monday.minusWeeks(1).toString())
        .put("next", monday.plusWeeks(1).toString())
        .put("days", days);
  }

  /** Gaps (nobody on call, no backup, no duty manager) from today for {@link #GAP_WEEKS} weeks; someone not {@code active} is nobody. */
  JsonArray gapsFrom(Instant now, Predicate<String> active) {
    LocalDate today = now.atZone(zone).toLocalDate();
    JsonArray out = new JsonArray();
    for (CoverageGap gap : engine.gaps(today, today.plusWeeks(GAP_WEEKS).minusDays(1), active)) {
      if (gap.end().isAfter(now)) {
        out.add(new JsonObject()
            .put("kind", gap.kind().name())
            .put("what", what(gap.kind()))
            .put("from", WHEN.format(gap.start().atZone(zone)))
            .put("to", WHEN.format(gap.end().atZone(zone))));
      }
    }
    return out;
  }

  /** Who is on call right now, and until when. */
  JsonObject now(Instant now) {
    OnCall onCall = engine.onCallAt(now);
    return new JsonObject()
        .put("officeHours", onCall.officeHours())
        .put("onCall", names(onCall.onCall()))
        .put("backup", names(onCall.backup()))
        .put("dutyManagers", names(onCall.dutyManagers()))
        .put("anyone", onCall.anyoneOnCall())
        .put("onCallIds", new JsonArray(onCall.onCall()))
        .put("until", WHEN.format(onCall.until().atZone(zone)));
  }

  private static String what(CoverageGap.Kind kind) {
    return switch (kind) {
      case NOBODY_ON_CALL -> "Nobody on call";
      case NO_BACKUP -> "No backup";
      case NO_DUTY_MANAGER -> "No duty manager";
    };
  }

  private JsonObject shift(ShiftInstance shift, LocalDate day) {
    ZonedDateTime start = shift.start().atZone(zone);
    ZonedDateTime end = shift.end().atZone(zone);
    String startText = TIME.format(start) + (start.toLocalDate().equals(day) ? "" : " " + start.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK));
    String endText = TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? "" : " " + end.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK));
    long minutes = Duration.between(shift.start(), shift.end()).toMinutes();
    JsonObject json = new JsonObject()
        .put("time", startText + " to " + endText)
        .put("length", length(minutes))
        .put("start", shift.start().toString())
        .put("end", shift.end().toString())
        .put("onCall", shift.onCall().isEmpty() ? null : names(shift.onCall()))
        .put("nobody", shift.onCall().isEmpty())
        .put("changed", !shift.overrideIds().isEmpty());
    shift.backup().ifPresent(b -> json.put("backup", name(b)));
    shift.dutyManager().ifPresent(m -> json.put("dutyManager", name(m)));
    return json;
  }

  static String length(long minutes) {
    long hours = minutes / 60;
    long rest = minutes % 60;
    String text = PlainEnglish.count(hours, "hour");
    return rest == 0 ? text : text + " " + PlainEnglish.count(rest, "minute");
  }

  private Optional<String> clockChange(LocalDate date) {
    Instant start = date.atStartOfDay(zone).toInstant();
    Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition transition = zone.getRules().nextTransition(start.minusSeconds(1));
    if (transition == null || !transition.getInstant().isBefore(end)) {
      return Optional.empty();
    }
    String at = TIME.format(transition.getDateTimeBefore());
    return Optional.of(transition.isGap()
        ? "Clocks go forward one hour at " + at + ": " + at + " to " + TIME.format(transition.getDateTimeAfter()) + " does not happen, so the night is an hour shorter."
        : "Clocks go back one hour at " + TIME.format(transition.getDateTimeBefore()) + ": " + TIME.format(transition.getDateTimeAfter()) + " to " + at
            + " happens twice, so the night is an hour longer.");
  }

  String name(String id) {
    return names.getOrDefault(id, id);
  }

  String names(List<String> ids) {
    return String.join(", ", ids.stream().map(this::name).toList());
  }
}
