package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.signposting.CatalogueEntry.Area;
import uk.harbour.signposting.OpeningHours.DatedHours;
import uk.harbour.signposting.OpeningHours.Period;

/**
 * The model a card template sees: the entry's words as they are (the template escapes them), its
 * status at an instant, and what applies to this reader. Pure: everything comes in as arguments.
 */
public final class CardView {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE 'at' HH:mm", Locale.UK);

  /** The council, from configuration, named on cards. */
  public record Council(String name, String outOfHoursPhone) {}

  private CardView() {}

  public static JsonObject model(CatalogueEntry e, Instant at, CardAudience audience, Council council, BankHolidays holidays) {
    JsonObject model =
        new JsonObject()
            .put("entryId", e.id())
            .put("version", e.version())
            .put("title", e.name())
            .put("summary", e.summary())
            .put("category", e.category().wireName())
            .put("categoryLabel", e.category().label())
            .put("crisis", e.category() == Category.CRISIS)
            .put("demo", e.demo())
            .put("local", e.eligibility().area() == Area.LOCAL)
            .put("status", status(e.hours(), at, holidays))
            .put("hours", hours(e.hours()))
            .put("contact", CatalogueJson.toJson(e, false).getJsonObject("contact"))
            .put("eligibility", eligibility(e))
            .put("source", e.source())
            .put("checked", e.checked())
            .put("council", new JsonObject().put("name", council.name()).put("outOfHoursPhone", council.outOfHoursPhone()));
    if (e.amount() != null) {
      model.put("amount", new JsonObject().put("value", e.amount().value() == null ? null : e.amount().value().toPlainString()).put("period", e.amount().period()).put("note", e.amount().note()));
    }
    model.put("personal", personal(e, audience));
    return model;
  }

  private static JsonObject personal(CatalogueEntry e, CardAudience audience) {
    JsonObject personal = new JsonObject();
    if (audience.firstName() != null) {
      personal.put("firstName", audience.firstName());
    }
    if (audience.age() != null && e.eligibility().ageRange() != null) {
      boolean fits = e.eligibility().allows(audience.age());
      personal.put("ageChecked", true).put("fits", fits);
    }
    return personal;
  }

  private static JsonObject eligibility(CatalogueEntry e) {
    JsonObject json = new JsonObject().put("text", e.eligibility().text()).put("national", e.eligibility().area() == Area.NATIONAL);
    Optional.ofNullable(e.eligibility().ageRange()).ifPresent(r -> json.put("ageRange", r));
    Optional.ofNullable(e.eligibility().careStatus()).ifPresent(s -> json.put("careStatus", s));
    Optional.ofNullable(e.eligibility().areaName()).ifPresent(s -> json.put("areaName", s));
    return json;
  }

  /** {open, known, label}: what a person needs to know right now, in words (never colour alone). */
  static JsonObject status(OpeningHours hours, Instant at, BankHolidays holidays) {
    JsonObject status = new JsonObject();
    switch (hours.availability()) {
      case ALWAYS -> status.put("open", true).put("known", true).put("label", "Open now, 24 hours a day");
      case UNKNOWN -> status.put("open", false).put("known", false).put("label", "Opening hours not confirmed");
      case SCHEDULED -> {
        boolean open = hours.isOpen(at, holidays);
        Optional<Instant> change = hours.nextChange(at, holidays);
        ZonedDateTime now = at.atZone(hours.zone());
        String label;
        if (open) {
          label = change.map(c -> "Open now until " + when(now, c.atZone(hours.zone()))).orElse("Open now");
        } else {
          label = change.map(c -> "Closed now. Opens " + when(now, c.atZone(hours.zone()))).orElse("Closed now");
        }
        status.put("open", open).put("known", true).put("label", label);
      }
    }
    return status;
  }

  private static String when(ZonedDateTime now, ZonedDateTime then) {
    LocalDate today = now.toLocalDate();
    if (then.toLocalDate().equals(today)) {
      return then.format(TIME);
    }
    if (then.toLocalDate().equals(today.plusDays(1))) {
      return then.toLocalTime().equals(LocalTime.MIDNIGHT) ? "midnight" : "tomorrow at " + then.format(TIME);
    }
    return then.format(DAY_TIME);
  }

  private static JsonObject hours(OpeningHours h) {
    JsonArray lines = new JsonArray();
    switch (h.availability()) {
      case ALWAYS -> lines.add("24 hours a day, every day");
      case UNKNOWN -> lines.add("Check opening times before you go or call");
      case SCHEDULED -> {
        for (Period p : h.regular()) {
          lines.add(days(p) + ": " + p.opens().format(TIME) + " to " + closing(p.opens(), p.closes()));
        }
        lines.add(switch (h.bankHolidays()) {
          case USUAL -> "Bank holidays: usual hours";
          case CLOSED -> "Bank holidays: closed";
          case ALL_DAY -> "Bank holidays: open 24 hours";
          case SUNDAY -> "Bank holidays: Sunday hours";
          case UNKNOWN -> "Bank holidays: hours not confirmed";
        });
        for (DatedHours d : h.exceptions()) {
          String dates = d.from().equals(d.to()) ? d.from().toString() : d.from() + " to " + d.to();
          lines.add(dates + ": " + (d.closed() ? "closed" : d.opens().format(TIME) + " to " + closing(d.opens(), d.closes())));
        }
      }
    }
    JsonObject json = new JsonObject().put("lines", lines);
    Optional.ofNullable(h.note()).ifPresent(n -> json.put("note", n));
    return json;
  }

  private static String closing(LocalTime opens, LocalTime closes) {
    if (closes.equals(LocalTime.MIDNIGHT)) {
      return "midnight";
    }
    return closes.isAfter(opens) ? closes.format(TIME) : closes.format(TIME) + " the next day";
  }

  private static String days(Period p) {
    StringJoiner joiner = new StringJoiner(", ");
    for (DayOfWeek d : DayOfWeek.values()) {
      if (p.days().contains(d)) {
        joiner.add(d.getDisplayName(TextStyle.SHORT, Locale.UK));
      }
    }
    return p.days().size() == 7 ? "Every day" : joiner.toString();
  }
}
