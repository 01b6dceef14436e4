package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every figure of a report, computed from the episode records of the period (and of the period
 * before, for the comparison) as one JSON object: the API answers it, the page shows it and the
 * CSV lists it, so the three cannot disagree. Field by field in docs/reports.md. One pass over the
 * episodes files every duration and count under each group it belongs to ({@link GroupStats}), so
 * a year of episodes is summed up in one go.
 */
final class SummaryBuilder {

  static final String ALL = "all";
  private static final int[] EVERY = {GroupNames.id(ALL)};

  private final ReportSettings settings;
  private final Function<String, String> shiftLabels;

  SummaryBuilder(ReportSettings settings, Function<String, String> shiftLabels) {
    this.settings = Objects.requireNonNull(settings);
    this.shiftLabels = Objects.requireNonNull(shiftLabels);
  }

  JsonObject build(ReportQuery query, List<Episode> current, List<Episode> previous, long nowEpochSecond) {
    Tally now = tally(query, current, nowEpochSecond);
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
    now.headline(summary);
    summary
        .put("demoEpisodes", now.demo)
        .put("officeHours", now.group("officeHours"))
        .put("outOfHours", now.group("outOfHours"))
        .put("ownPa", now.group(ConversationFold.OWN_PA))
        .put("dutyAdviser", now.group(ConversationFold.DUTY_ADVISER))
        .put("otherStaff", now.group(ConversationFold.OTHER_STAFF))
        .put("byDay", now.byDay(query))
        .put("byHourOfWeek", now.byHourOfWeek())
        .put("byAdviser", now.byAdviser(query))
        .put("byShift", now.byShift());
    ReportQuery before = query.previous();
    JsonObject previousFigures = new JsonObject().put("from", before.from().toString()).put("to", before.to().toString());
    tally(before, previous, nowEpochSecond).headline(previousFigures);
    return summary.put("previous", previousFigures);
  }

  private Tally tally(ReportQuery query, List<Episode> episodes, long nowEpochSecond) {
    Tally tally = new Tally(query);
    for (Episode e : episodes) {
      LocalDateTime local = e.localStart(settings.zone());
      LocalDate day = local.toLocalDate();
      if (!day.isBefore(query.from()) && !day.isAfter(query.to()) && query.matches(e)) {
        tally.add(e.outcome(nowEpochSecond, settings), local);
      }
    }
    return tally;
  }

  /** Counts kept per group: episodes, within SLA, SLA decided, missed. */
  private static final class Counts {
    int episodes;
    int within;
    int decided;
    int missed;

    void add(Outcome o) {
      episodes++;
      within += Boolean.TRUE.equals(o.withinSla) ? 1 : 0;
      decided += o.withinSla != null ? 1 : 0;
      missed += Boolean.TRUE.equals(o.missed) ? 1 : 0;
    }
  }

  /** Everything about one period's episodes, filled in one pass. */
  private final class Tally {
    final GroupStats firstResponses = new GroupStats();
    final GroupStats replies = new GroupStats();
    final GroupStats resolutions = new GroupStats();
    final GroupStats acknowledgements = new GroupStats();
    Counts[] counts = new Counts[64];
    final Map<String, Counts> staffCounts = new HashMap<>();
    int[] resolvedBy = new int[64];
    final List<String> shifts = new ArrayList<>();
    final long firstDay;
    final int[][] days;
    final int[][] week = new int[7][24];
    final int[] alerts = new int[3];
    int escalated;
    int unacknowledged;
    int unanswered;
    int demo;
    int asked;
    int yes;
    int notReally;
    int skipped;

    Tally(ReportQuery query) {
      firstDay = query.from().toEpochDay();
      days = new int[query.days()][2];
    }

    void add(Outcome o, LocalDateTime local) {
      Episode e = o.episode;
      for (int g : o.groups()) {
        if (g >= counts.length) {
          counts = java.util.Arrays.copyOf(counts, Math.max(g + 1, counts.length * 2));
        }
        if (counts[g] == null) {
          counts[g] = new Counts();
          if (g == o.groups()[3]) {
            shifts.add(e.shiftId);
          }
        }
        counts[g].add(o);
      }
      for (String person : e.staff) {
        staffCounts.computeIfAbsent(person, k -> new Counts()).add(o);
      }
      if (o.answered()) {
        firstResponses.add(e.firstResponse, o.firstResponseGroups());
      }
      for (int i = 0; i < o.replies.size(); i++) {
        replies.add(o.replies.get(i), o.replyGroups(i));
      }
      if (e.resolved >= 0) {
        resolutions.add(e.resolved, EVERY);
        int by = GroupNames.adviser(e.resolvedBy);
        if (by >= resolvedBy.length) {
          resolvedBy = java.util.Arrays.copyOf(resolvedBy, Math.max(by + 1, resolvedBy.length * 2));
        }
        resolvedBy[by]++;
        asked++;
        switch (e.helpful) {
          case "yes" -> yes++;
          case "not_really" -> notReally++;
          case "skip" -> skipped++;
          default -> { }
        }
      }
      for (long seconds : o.acknowledgements) {
        acknowledgements.add(seconds, EVERY);
      }
      for (int level = 0; level < 3; level++) {
        alerts[level] += e.alerts[level];
      }
      escalated += o.escalated() ? 1 : 0;
      unacknowledged += o.unacknowledged;
      unanswered += o.unanswered() ? 1 : 0;
      demo += e.demo ? 1 : 0;
      int[] day = days[(int) (local.toLocalDate().toEpochDay() - firstDay)];
      day[0]++;
      day[1] += Boolean.TRUE.equals(o.missed) ? 1 : 0;
      week[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
    }

    private Counts counts(String group) {
      int id = GroupNames.id(group);
      return id < counts.length && counts[id] != null ? counts[id] : new Counts();
    }

    private static JsonObject share(Counts c) {
      return new Share(c.within, c.decided).toJson();
    }

    /** The headline figures, also given for the previous period. */
    void headline(JsonObject into) {
      Counts all = counts(ALL);
      into.put("episodes", all.episodes)
          .put("firstResponse", firstResponses.stat(ALL).toJson())
          .put("reply", replies.stat(ALL).toJson())
          .put("resolution", resolutions.stat(ALL).toJson())
          .put("withinSla", share(all).put("normal", share(counts("normal"))).put("urgent", share(counts("urgent"))))
          .put("missed", new Share(all.missed, all.episodes).toJson())
          .put("unanswered", unanswered)
          .put("urgent", new JsonObject()
              .put("episodes", counts("urgent").episodes)
              .put("firstResponse", firstResponses.stat("urgent").toJson())
              .put("withinSla", share(counts("urgent"))))
          .put("escalations", new JsonObject()
              .put("episodes", escalated)
              .put("level1", alerts[0])
              .put("level2", alerts[1])
              .put("level3plus", alerts[2])
              .put("acknowledgement", acknowledgements.stat(ALL).toJson())
              .put("unacknowledged", unacknowledged))
          .put("helpful", new JsonObject()
              .put("asked", asked)
              .put("yes", yes)
              .put("notReally", notReally)
              .put("skipped", skipped)
              .put("noAnswer", asked - yes - notReally - skipped)
              .put("share", new Share(yes, yes + notReally).share()));
    }

    JsonObject group(String name) {
      Counts c = counts(name);
      return new JsonObject()
          .put("episodes", c.episodes)
          .put("firstResponse", firstResponses.stat(name).toJson())
          .put("reply", replies.stat(name).toJson())
          .put("withinSla", share(c))
          .put("missed", new Share(c.missed, c.episodes).toJson());
    }

    JsonArray byDay(ReportQuery query) {
      JsonArray out = new JsonArray();
      for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
        int[] day = days[(int) (d.toEpochDay() - firstDay)];
        out.add(new JsonObject().put("date", d.toString()).put("episodes", day[0]).put("missed", day[1]));
      }
      return out;
    }

    JsonArray byHourOfWeek() {
      JsonArray out = new JsonArray();
      for (DayOfWeek day : DayOfWeek.values()) {
        JsonArray hours = new JsonArray();
        for (int h = 0; h < 24; h++) {
          hours.add(week[day.getValue() - 1][h]);
        }
        out.add(new JsonObject().put("day", day.name()).put("hours", hours));
      }
      return out;
    }

    JsonArray byAdviser(ReportQuery query) {
      TreeSet<String> people = new TreeSet<>(staffCounts.keySet());
      query.adviser().ifPresent(only -> people.retainAll(List.of(only)));
      List<JsonObject> rows = new ArrayList<>();
      for (String person : people) {
        Counts c = staffCounts.get(person);
        rows.add(new JsonObject()
            .put("adviser", person)
            .put("episodes", c.episodes)
            .put("firstResponse", firstResponses.stat("adviser:" + person).toJson())
            .put("reply", replies.stat("adviser:" + person).toJson())
            .put("resolved", resolved(person))
            .put("missed", new Share(c.missed, c.episodes).toJson()));
      }
      rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("adviser")));
      return new JsonArray(new ArrayList<>(rows));
    }

    private int resolved(String person) {
      int id = GroupNames.adviser(person);
      return id < resolvedBy.length ? resolvedBy[id] : 0;
    }

    JsonArray byShift() {
      List<JsonObject> rows = new ArrayList<>();
      shifts.forEach(shift -> rows.add(group("shift:" + shift).put("shift", shift).put("label", shiftLabels.apply(shift))));
      rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("shift")));
      return new JsonArray(new ArrayList<>(rows));
    }
  }
}
