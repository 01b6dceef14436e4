package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.harbour.web.FormInput;
import uk.harbour.web.HarbourException;

/**
 * The manager's edit form, to and from the catalogue's JSON shape, so the form and the API share
 * one validation ({@link CatalogueJson}). Weekly hours are typed one period a line, like
 * {@code MO,TU,WE 09:00-17:00}; dated exceptions like {@code 2026-12-24 10:00-14:00} or
 * {@code 2026-12-25..2026-12-26 closed}.
 */
final class CatalogueForm {

  private static final Pattern WEEKLY = Pattern.compile("^((?:MO|TU|WE|TH|FR|SA|SU)(?:\\s*,\\s*(?:MO|TU|WE|TH|FR|SA|SU))*)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})$");
  private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?\\s+(closed|(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2}))$");

  private CatalogueForm() {}

  /** Form fields to the JSON an edit takes (validated afterwards by {@link CatalogueJson#parseEdit}). */
  static JsonObject toJson(FormInput form, String id, boolean demo) {
    JsonObject json =
        new JsonObject()
            .put("id", id)
            .put("category", form.optional("category", 20).orElse(null))
            .put("name", form.optional("name", CatalogueJson.MAX_NAME).orElse(null))
            .put("summary", form.optional("summary", CatalogueJson.MAX_SUMMARY).orElse(null))
            .put("source", form.optional("source", CatalogueJson.MAX_URL).orElse(null))
            .put("checked", form.optional("checked", 20).orElse(null))
            .put("checkedNote", form.optional("checkedNote", CatalogueJson.MAX_TEXT).orElse(null))
            .put("demo", demo);
    form.optional("version", 10).ifPresent(v -> json.put("version", number(v, "version")));
    JsonObject eligibility =
        new JsonObject()
            .put("text", form.optional("eligibilityText", CatalogueJson.MAX_TEXT).orElse(null))
            .put("careStatus", form.optional("careStatus", CatalogueJson.MAX_NAME).orElse(null))
            .put("area", form.optional("area", 10).orElse("national"))
            .put("areaName", form.optional("areaName", CatalogueJson.MAX_NAME).orElse(null));
    form.optional("minAge", 3).ifPresent(v -> eligibility.put("minAge", number(v, "minAge")));
    form.optional("maxAge", 3).ifPresent(v -> eligibility.put("maxAge", number(v, "maxAge")));
    json.put("eligibility", eligibility);
    JsonObject contact =
        new JsonObject()
            .put("phone", form.optional("phone", 20).orElse(null))
            .put("email", form.optional("email", 190).orElse(null))
            .put("url", form.optional("url", CatalogueJson.MAX_URL).orElse(null))
            .put("note", form.optional("contactNote", CatalogueJson.MAX_TEXT).orElse(null));
    form.optional("smsNumber", 20).ifPresent(n -> contact.put("sms", new JsonObject().put("number", n).put("body", form.optional("smsBody", 20).orElse(null))));
    json.put("contact", contact);
    json.put("hours", hours(form));
    form.optional("amountPeriod", CatalogueJson.MAX_NAME * 2)
        .ifPresent(
            period -> {
              JsonObject amount = new JsonObject().put("period", period).put("note", form.optional("amountNote", CatalogueJson.MAX_TEXT).orElse(null));
              form.optional("amountValue", 12).ifPresent(v -> amount.put("value", decimal(v)));
              json.put("amount", amount);
            });
    List<String> others = form.optional("otherSources", 11 * CatalogueJson.MAX_URL).map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()).orElse(List.of());
    if (!others.isEmpty()) {
      json.put("otherSources", new JsonArray(others));
    }
    return json;
  }

  private static JsonObject hours(FormInput form) {
    String mode = form.optional("hoursMode", 10).orElse("unknown");
    JsonObject hours = new JsonObject().put("note", form.optional("hoursNote", CatalogueJson.MAX_TEXT).orElse(null));
    switch (mode) {
      case "always" -> hours.put("always", true);
      case "unknown" -> hours.put("unknown", true);
      case "weekly" -> {
        JsonArray regular = new JsonArray();
        for (String line : lines(form, "weekly")) {
          Matcher m = WEEKLY.matcher(line);
          if (!m.matches()) {
            throw HarbourException.badRequest("bad_hours_line", "Write weekly hours like 'MO,TU,WE 09:00-17:00', one line each. This line is not right: " + line);
          }
          JsonArray days = new JsonArray();
          for (String d : m.group(1).split("\\s*,\\s*")) {
            days.add(d);
          }
          regular.add(new JsonObject().put("byDay", days).put("opensAt", m.group(2)).put("closesAt", m.group(3)));
        }
        JsonArray dated = new JsonArray();
        for (String line : lines(form, "dated")) {
          Matcher m = DATED.matcher(line);
          if (!m.matches()) {
            throw HarbourException.badRequest("bad_hours_line", "Write dated hours like '2026-12-24 10:00-14:00' or '2026-12-25..2026-12-26 closed'. This line is not right: " + line);
          }
          JsonObject d = new JsonObject().put("startDate", m.group(1)).put("endDate", m.group(2) == null ? m.group(1) : m.group(2));
          if (m.group(3).equals("closed")) {
            d.put("closed", true);
          } else {
            d.put("opensAt", m.group(4)).put("closesAt", m.group(5));
          }
          dated.add(d);
        }
        hours.put("regularSchedules", regular).put("holidaySchedules", dated).put("bankHolidays", form.optional("bankHolidays", 10).orElse("unknown"));
      }
      default -> throw HarbourException.badRequest("bad_hours", "Choose how the hours work.");
    }
    return hours;
  }

  private static List<String> lines(FormInput form, String field) {
    return form.optional(field, 4000).map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()).orElse(List.of());
  }

  private static long number(String text, String field) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw HarbourException.badRequest("wrong_type", "'" + field + "' must be a whole number.");
    }
  }

  private static Number decimal(String text) {
    try {
      java.math.BigDecimal value = new java.math.BigDecimal(text.replace("£", "").replace(",", "").strip());
      return value.scale() <= 0 ? (Number) value.longValue() : (Number) value.doubleValue();
    } catch (NumberFormatException e) {
      throw HarbourException.badRequest("wrong_type", "The amount must be a number of pounds, like 1200 or 12.50.");
    }
  }

  /** An entry as form values, for showing the form. */
  static JsonObject values(CatalogueEntry e) {
    JsonObject json = CatalogueJson.toJson(e, true);
    JsonObject v =
        new JsonObject()
            .put("id", e.id())
            .put("version", e.version())
            .put("name", e.name())
            .put("summary", e.summary())
            .put("category", e.category().wireName())
            .put("source", e.source())
            .put("checked", e.checked())
            .put("checkedNote", e.checkedNote())
            .put("otherSources", String.join("\n", e.otherSources()))
            .put("eligibilityText", e.eligibility().text())
            .put("careStatus", e.eligibility().careStatus())
            .put("minAge", e.eligibility().minAge())
            .put("maxAge", e.eligibility().maxAge())
            .put("areaLocal", e.eligibility().area() == CatalogueEntry.Area.LOCAL)
            .put("areaName", e.eligibility().areaName())
            .put("phone", e.contact().phone())
            .put("smsNumber", e.contact().smsNumber())
            .put("smsBody", e.contact().smsBody())
            .put("email", e.contact().email())
            .put("url", e.contact().url())
            .put("contactNote", e.contact().note())
            .put("hoursNote", e.hours().note())
            .put("hours" + e.hours().availability().name(), true)
            .put("bh_" + e.hours().bankHolidays().wireName(), true)
            .put("demo", e.demo())
            .put("edited", e.meta().edited());
    StringBuilder weekly = new StringBuilder();
    StringBuilder dated = new StringBuilder();
    JsonObject hours = json.getJsonObject("hours");
    for (Object o : hours.getJsonArray("regularSchedules", new JsonArray())) {
      JsonObject p = (JsonObject) o;
      weekly.append(String.join(",", p.getJsonArray("byDay").stream().map(Object::toString).toList())).append(' ').append(p.getString("opensAt")).append('-').append(p.getString("closesAt")).append('\n');
    }
    for (Object o : hours.getJsonArray("holidaySchedules", new JsonArray())) {
      JsonObject d = (JsonObject) o;
      dated.append(d.getString("startDate"));
      if (!d.getString("startDate").equals(d.getString("endDate"))) {
        dated.append("..").append(d.getString("endDate"));
      }
      dated.append(' ').append(d.getBoolean("closed", false) ? "closed" : d.getString("opensAt") + "-" + d.getString("closesAt")).append('\n');
    }
    v.put("weekly", weekly.toString()).put("dated", dated.toString());
    if (e.amount() != null) {
      JsonObject amount = json.getJsonObject("amount");
      v.put("amountValue", amount.getValue("value") == null ? null : amount.getValue("value").toString()).put("amountPeriod", e.amount().period()).put("amountNote", e.amount().note());
    }
    return v;
  }
}
