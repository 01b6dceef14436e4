package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every figure of a report, computed from the episode records of the period (and of the period
 * before, for the comparison) as one JSON object: the API answers it, the page shows it and the
 * CSV lists it, so the three cannot disagree. Field by field in docs/reports.md.
 */
final class SummaryBuilder {

  private final ReportSettings settings;
  private final Function<String, String> shiftLabels;

  SummaryBuilder(ReportSettings settings, Function<String, String> shiftLabels) {
    this.settings = Objects.requireNonNull(settings);
    this.shiftLabels = Objects.requireNonNull(shiftLabels);
  }

  JsonObject build(ReportQuery query, List<Episode> current, List<Episode> previous, long nowEpochSecond) {
    List<Outcome> now = outcomes(query, current, nowEpochSecond);
    JsonObject summary = new JsonObject()
        .put("from", query.from().toString())
        .put("to", query.to().toString())
        .put("days", query.days())
        .put("team", query.team().orElse(null))
        .put("adviser", query.adviser().orElse(null))
        .put("shiftType", query.shiftType().map(ShiftType::code).orElse(null))
        .put("priority", query.priority().orElse(null))
        .put("settings", new JsonObject()
            .put("slaSeconds", settings.sla().toSeconds())
            .put("urgentSlaSeconds", settings.urgentSla().toSeconds())
            .put("missedAfterSeconds", settings.missedAfter().toSeconds()));
    headline(summary, now);
    summary
        .put("demoEpisodes", (int) now.stream().filter(o -> o.episode.demo).count())
        .put("officeHours", group(filter(now, o -> o.episode.officeHours)))
        .put("outOfHours", group(filter(now, o -> !o.episode.officeHours)))
        .put("ownPa", group(filter(now, o -> ConversationFold.OWN_PA.equals(o.episode.responderKind))))
        .put("dutyAdviser", group(filter(now, o -> ConversationFold.DUTY_ADVISER.equals(o.episode.responderKind))))
        .put("otherStaff", group(filter(now, o -> ConversationFold.OTHER_STAFF.equals(o.episode.responderKind))))
        .put("byDay", byDay(query, now))
        .put("byHourOfWeek", byHourOfWeek(now))
        .put("byAdviser", byAdviser(query, now))
        .put("byShift", byShift(now));
    ReportQuery before = query.previous();
    JsonObject previousFigures = new JsonObject().put("from", before.from().toString()).put("to", before.to().toString());
    headline(previousFigures, outcomes(before, previous, nowEpochSecond));
    return summary.put("previous", previousFigures);
  }

  private List<Outcome> outcomes(ReportQuery query, List<Episode> episodes, long nowEpochSecond) {
    List<Outcome> out = new ArrayList<>();
    for (Episode e : episodes) {
      LocalDate day = e.startedAt().atZone(settings.zone()).toLocalDate();
      if (!day.isBefore(query.from()) && !day.isAfter(query.to()) && query.matches(e)) {
        out.add(Outcome.of(e, nowEpochSecond, settings));
      }
    }
    out.sort(Comparator.comparingLong((Outcome o) -> o.episode.start).thenComparing(o -> o.episode.conversationId).thenComparingInt(o -> o.episode.number));
    return out;
  }

  /** The headline figures, also given for the previous period. */
  private void headline(JsonObject into, List<Outcome> all) {
    List<Outcome> urgent = filter(all, o -> o.episode.urgent);
    List<Outcome> escalated = filter(all, Outcome::escalated);
    List<Long> acknowledgements = new ArrayList<>();
    all.forEach(o -> acknowledgements.addAll(o.acknowledgements));
    into.put("episodes", all.size())
        .put("firstResponse", firstResponses(all).toJson())
        .put("reply", replies(all).toJson())
        .put("resolution", Stat.of(all.stream().filter(o -> o.episode.resolved >= 0).map(o -> o.episode.resolved).toList()).toJson())
        .put("withinSla", withinSla(all).toJson()
            .put("normal", withinSla(filter(all, o -> !o.episode.urgent)).toJson())
            .put("urgent", withinSla(urgent).toJson()))
        .put("missed", missed(all).toJson())
        .put("unanswered", (int) all.stream().filter(Outcome::unanswered).count())
        .put("urgent", new JsonObject()
            .put("episodes", urgent.size())
            .put("firstResponse", firstResponses(urgent).toJson())
            .put("withinSla", withinSla(urgent).toJson()))
        .put("escalations", new JsonObject()
            .put("episodes", escalated.size())
            .put("level1", all.stream().mapToInt(o -> o.episode.alerts[0]).sum())
            .put("level2", all.stream().mapToInt(o -> o.episode.alerts[1]).sum())
            .put("level3plus", all.stream().mapToInt(o -> o.episode.alerts[2]).sum())
            .put("acknowledgement", Stat.of(acknowledgements).toJson())
            .put("unacknowledged", all.stream().mapToInt(o -> o.unacknowledged).sum()))
        .put("helpful", helpful(all));
  }

  private static JsonObject group(List<Outcome> outcomes) {
    return new JsonObject()
        .put("episodes", outcomes.size())
        .put("firstResponse", firstResponses(outcomes).toJson())
        .put("reply", replies(outcomes).toJson())
        .put("withinSla", withinSla(outcomes).toJson())
        .put("missed", missed(outcomes).toJson());
  }

  private static Stat firstResponses(List<Outcome> outcomes) {
    return Stat.of(outcomes.stream().filter(Outcome::answered).map(o -> o.episode.firstResponse).toList());
  }

  private static Stat replies(List<Outcome> outcomes) {
    List<Long> all = new ArrayList<>();
    outcomes.forEach(o -> all.addAll(o.replies));
    return Stat.of(all);
  }

  private static Share withinSla(List<Outcome> outcomes) {
    int within = (int) outcomes.stream().filter(o -> Boolean.TRUE.equals(o.withinSla)).count();
    int decided = (int) outcomes.stream().filter(o -> o.withinSla != null).count();
    return new Share(within, decided);
  }

  private static Share missed(List<Outcome> outcomes) {
    return new Share((int) outcomes.stream().filter(o -> Boolean.TRUE.equals(o.missed)).count(), outcomes.size());
  }

  private static JsonObject helpful(List<Outcome> outcomes) {
    int asked = 0;
    int yes = 0;
    int notReally = 0;
    int skipped = 0;
    for (Outcome o : outcomes) {
      if (o.episode.resolved >= 0) {
        asked++;
        switch (o.episode.helpful) {
          case "yes" -> yes++;
          case "not_really" -> notReally++;
          case "skip" -> skipped++;
          default -> { }
        }
      }
    }
    return new JsonObject()
        .put("asked", asked)
        .put("yes", yes)
        .put("notReally", notReally)
        .put("skipped", skipped)
        .put("noAnswer", asked - yes - notReally - skipped)
        .put("share", new Share(yes, yes + notReally).share());
  }

  private JsonArray byDay(ReportQuery query, List<Outcome> all) {
    Map<LocalDate, int[]> days = new LinkedHashMap<>();
    for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
      days.put(d, new int[2]);
    }
    for (Outcome o : all) {
      int[] counts = days.get(o.episode.startedAt().atZone(settings.zone()).toLocalDate());
      counts[0]++;
      counts[1] += Boolean.TRUE.equals(o.missed) ? 1 : 0;
    }
    JsonArray out = new JsonArray();
    days.forEach((day, counts) -> out.add(new JsonObject().put("date", day.toString()).put("episodes", counts[0]).put("missed", counts[1])));
    return out;
  }

  private JsonArray byHourOfWeek(List<Outcome> all) {
    int[][] counts = new int[7][24];
    for (Outcome o : all) {
      LocalDateTime local = o.episode.startedAt().atZone(settings.zone()).toLocalDateTime();
      counts[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
    }
    JsonArray out = new JsonArray();
    for (DayOfWeek day : DayOfWeek.values()) {
      JsonArray hours = new JsonArray();
      for (int h = 0; h < 24; h++) {
        hours.add(counts[day.getValue() - 1][h]);
      }
      out.add(new JsonObject().put("day", day.name()).put("hours", hours));
    }
    return out;
  }

  private static JsonArray byAdviser(ReportQuery query, List<Outcome> all) {
    TreeSet<String> people = new TreeSet<>();
    all.forEach(o -> people.addAll(o.episode.staff));
    query.adviser().ifPresent(only -> people.retainAll(List.of(only)));
    List<JsonObject> rows = new ArrayList<>();
    for (String person : people) {
      List<Outcome> theirs = filter(all, o -> o.episode.staff.contains(person));
      List<Long> replies = new ArrayList<>();
      for (Outcome o : all) {
        for (int i = 0; i < o.replies.size(); i++) {
          if (person.equals(o.repliedBy.get(i))) {
            replies.add(o.replies.get(i));
          }
        }
      }
      rows.add(new JsonObject()
          .put("adviser", person)
          .put("episodes", theirs.size())
          .put("firstResponse", Stat.of(all.stream().filter(o -> person.equals(o.episode.firstResponder)).map(o -> o.episode.firstResponse).toList()).toJson())
          .put("reply", Stat.of(replies).toJson())
          .put("resolved", (int) all.stream().filter(o -> person.equals(o.episode.resolvedBy)).count())
          .put("missed", missed(theirs).toJson()));
    }
    rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("adviser")));
    return new JsonArray(new ArrayList<>(rows));
  }

  private JsonArray byShift(List<Outcome> all) {
    Map<String, List<Outcome>> shifts = new LinkedHashMap<>();
    all.forEach(o -> shifts.computeIfAbsent(o.episode.shiftId, k -> new ArrayList<>()).add(o));
    List<JsonObject> rows = new ArrayList<>();
    shifts.forEach((shift, outcomes) -> rows.add(group(outcomes).put("shift", shift).put("label", shiftLabels.apply(shift))));
    rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("shift")));
    return new JsonArray(new ArrayList<>(rows));
  }

  private static List<Outcome> filter(List<Outcome> all, Predicate<Outcome> keep) {
    return all.stream().filter(keep).toList();
  }
}
