package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import uk.harbour.signposting.OpeningHours.Availability;
import uk.harbour.signposting.OpeningHours.BankHolidayRule;
import uk.harbour.signposting.OpeningHours.DatedHours;
import uk.harbour.signposting.OpeningHours.Period;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;

/** The {@code hours} part of an entry, HSDS-shaped: read strictly, written back the same way. */
final class HoursJson {

  private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$");
  private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

  private HoursJson() {}

  static OpeningHours read(JsonObject json, ZoneId zone) {
    JsonInput in = JsonInput.of(json, "always", "unknown", "regularSchedules", "holidaySchedules", "bankHolidays", "note");
    boolean always = in.optionalBoolean("always").orElse(false);
    boolean unknown = in.optionalBoolean("unknown").orElse(false);
    JsonArray regular = CatalogueJson.array(json, "regularSchedules", 21);
    JsonArray dated = CatalogueJson.array(json, "holidaySchedules", 60);
    String note = in.optionalString("note", CatalogueJson.MAX_TEXT).orElse(null);
    int kinds = (always ? 1 : 0) + (unknown ? 1 : 0) + (regular.isEmpty() ? 0 : 1);
    if (kinds != 1) {
      throw HarbourException.badRequest("bad_hours", "Hours must be exactly one of: always open, not confirmed, or weekly opening times.");
    }
    if (always) {
      return new OpeningHours(Availability.ALWAYS, List.of(), List.of(), BankHolidayRule.USUAL, note, zone);
    }
    if (unknown) {
      return new OpeningHours(Availability.UNKNOWN, List.of(), List.of(), BankHolidayRule.UNKNOWN, note, zone);
    }
    List<Period> periods = new ArrayList<>();
    for (Object item : regular) {
      JsonInput p = JsonInput.of(CatalogueJson.asObject(item, "regularSchedules"), "byDay", "opensAt", "closesAt");
      periods.add(new Period(days(CatalogueJson.array(p.raw(), "byDay", 7)), time(p.requiredString("opensAt", 5), "opensAt"), time(p.requiredString("closesAt", 5), "closesAt")));
    }
    List<DatedHours> exceptions = new ArrayList<>();
    for (Object item : dated) {
      JsonInput d = JsonInput.of(CatalogueJson.asObject(item, "holidaySchedules"), "startDate", "endDate", "closed", "opensAt", "closesAt");
      LocalDate from = date(d.requiredString("startDate", 10));
      LocalDate to = d.optionalString("endDate", 10).map(HoursJson::date).orElse(from);
      if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
        throw HarbourException.badRequest("bad_dates", "'endDate' must be on or after 'startDate', within a year.");
      }
      boolean closed = d.optionalBoolean("closed").orElse(false);
      LocalTime opens = closed ? null : time(d.requiredString("opensAt", 5), "opensAt");
      LocalTime closes = closed ? null : time(d.requiredString("closesAt", 5), "closesAt");
      exceptions.add(new DatedHours(from, to, closed, opens, closes));
    }
    BankHolidayRule rule = bankHolidayRule(in.optionalString("bankHolidays", 10).orElse("unknown"));
    return new OpeningHours(Availability.SCHEDULED, periods, exceptions, rule, note, zone);
  }

  static JsonObject write(OpeningHours h) {
    JsonObject json = new JsonObject();
    switch (h.availability()) {
      case ALWAYS -> json.put("always", true);
      case UNKNOWN -> json.put("unknown", true);
      case SCHEDULED -> {
        JsonArray regular = new JsonArray();
        for (Period p : h.regular()) {
          JsonArray days = new JsonArray();
          for (DayOfWeek d : DayOfWeek.values()) {
            if (p.days().contains(d)) {
              days.add(DAYS.get(d.ordinal()));
            }
          }
          regular.add(new JsonObject().put("byDay", days).put("opensAt", p.opens().toString()).put("closesAt", closing(p.opens(), p.closes())));
        }
        JsonArray dated = new JsonArray();
        for (DatedHours d : h.exceptions()) {
          JsonObject x = new JsonObject().put("startDate", d.from().toString()).put("endDate", d.to().toString());
          if (d.closed()) {
            x.put("closed", true);
          } else {
            x.put("opensAt", d.opens().toString()).put("closesAt", closing(d.opens(), d.closes()));
          }
          dated.add(x);
        }
        json.put("regularSchedules", regular).put("bankHolidays", h.bankHolidays().wireName());
        if (!dated.isEmpty()) {
          json.put("holidaySchedules", dated);
        }
      }
    }
    CatalogueJson.putIf(json, "note", h.note());
    return json;
  }

  /** Midnight as a closing time is written 24:00, as people say it. */
  private static String closing(LocalTime opens, LocalTime closes) {
    return closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString();
  }

  private static Set<DayOfWeek> days(JsonArray array) {
    if (array.isEmpty()) {
      throw HarbourException.badRequest("missing_field", "'byDay' needs at least one day (MO, TU, WE, TH, FR, SA, SU).");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object item : array) {
      int index = item instanceof String s ? DAYS.indexOf(s) : -1;
      if (index < 0) {
        throw HarbourException.badRequest("bad_day", "'byDay' days must be MO, TU, WE, TH, FR, SA or SU.");
      }
      days.add(DayOfWeek.of(index + 1));
    }
    return days;
  }

  static LocalTime time(String text, String field) {
    if (!TIME.matcher(text).matches()) {
      throw HarbourException.badRequest("bad_time", "'" + field + "' must be a time like 09:30 (24:00 for midnight at the end of a day).");
    }
    return text.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text);
  }

  static LocalDate date(String text) {
    return DateInput.date(text).orElseThrow(() -> HarbourException.badRequest("bad_date", "Dates must look like 2026-12-25, in the years 1900 to 2999."));
  }

  static BankHolidayRule bankHolidayRule(String text) {
    for (BankHolidayRule rule : BankHolidayRule.values()) {
      if (rule.wireName().equals(text)) {
        return rule;
      }
    }
    throw HarbourException.badRequest("bad_bank_holidays", "'bankHolidays' must be usual, closed, all_day, sunday or unknown.");
  }
}
