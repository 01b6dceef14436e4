package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The figures of a set of episodes, kept per group (every episode, office hours or not, urgency,
 * shift, who answered first, each member of staff) so that sets add up: a day's settled episodes
 * are summed once when the day is read, and a year's report adds up its days' tallies instead of
 * going through every episode again.
 */
final class Tally {

  static final String ALL = "all";
  private static final int[] EVERY = {GroupNames.id(ALL)};

  /** Counts per group: episodes, within SLA, SLA decided, missed. */
  private int[][] counts = new int[64][];
  private int[][] staffCounts = new int[64][];
  private int[] resolvedBy = new int[64];
  private final GroupStats firstResponses = new GroupStats();
  private final GroupStats replies = new GroupStats();
  private final GroupStats resolutions = new GroupStats();
  private final GroupStats acknowledgements = new GroupStats();
  private final Set<String> shifts = new LinkedHashSet<>();
  private final Set<String> staff = new LinkedHashSet<>();
  private final List<LocalDate> dayDates = new ArrayList<>();
  private final List<int[]> dayCounts = new ArrayList<>();
  private final int[][] week = new int[7][24];
  private final int[] alerts = new int[3];
  private int escalated;
  private int unacknowledged;
  private int unanswered;
  private int demo;
  private int asked;
  private int yes;
  private int notReally;
  private int skipped;

  void add(Outcome o, LocalDateTime local) {
    Episode e = o.episode;
    int[] groups = o.groups();
    for (int g : groups) {
      counts = grown(counts, g);
      count(counts, g, o);
    }
    shifts.add(e.shiftId);
    for (String person : e.staff) {
      int id = GroupNames.adviser(person);
      staffCounts = grown(staffCounts, id);
      count(staffCounts, id, o);
      staff.add(person);
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
        resolvedBy = Arrays.copyOf(resolvedBy, Math.max(by + 1, resolvedBy.length * 2));
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
    int[] day = day(local.toLocalDate());
    day[0]++;
    day[1] += Boolean.TRUE.equals(o.missed) ? 1 : 0;
    week[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
  }

  /** Adds another set's figures to these. */
  void addAll(Tally other) {
    for (int g = 0; g < other.counts.length; g++) {
      if (other.counts[g] != null) {
        counts = grown(counts, g);
        sum(counts, g, other.counts[g]);
      }
    }
    for (int g = 0; g < other.staffCounts.length; g++) {
      if (other.staffCounts[g] != null) {
        staffCounts = grown(staffCounts, g);
        sum(staffCounts, g, other.staffCounts[g]);
      }
    }
    if (other.resolvedBy.length > resolvedBy.length) {
      resolvedBy = Arrays.copyOf(resolvedBy, other.resolvedBy.length);
    }
    for (int g = 0; g < other.resolvedBy.length; g++) {
      resolvedBy[g] += other.resolvedBy[g];
    }
    firstResponses.addAll(other.firstResponses);
    replies.addAll(other.replies);
    resolutions.addAll(other.resolutions);
    acknowledgements.addAll(other.acknowledgements);
    shifts.addAll(other.shifts);
    staff.addAll(other.staff);
    for (int i = 0; i < other.dayDates.size(); i++) {
      int[] day = day(other.dayDates.get(i));
      day[0] += other.dayCounts.get(i)[0];
      day[1] += other.dayCounts.get(i)[1];
    }
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        week[d][h] += other.week[d][h];
      }
    }
    for (int level = 0; level < 3; level++) {
      alerts[level] += other.alerts[level];
    }
    escalated += other.escalated;
    unacknowledged += other.unacknowledged;
    unanswered += other.unanswered;
    demo += other.demo;
    asked += other.asked;
    yes += other.yes;
    notReally += other.notReally;
    skipped += other.skipped;
  }

  int demo() {
    return demo;
  }

  /** The headline figures. */
  void headline(JsonObject into) {
    int[] all = counts(ALL);
    int[] urgent = counts("urgent");
    into.put("episodes", all[0])
        .put("firstResponse", firstResponses.stat(ALL).toJson())
        .put("reply", replies.stat(ALL).toJson())
        .put("resolution", resolutions.stat(ALL).toJson())
        .put("withinSla", sla(all).put("normal", sla(counts("normal"))).put("urgent", sla(urgent)))
        .put("missed", new Share(all[3], all[0]).toJson())
        .put("unanswered", unanswered)
        .put("urgent", new JsonObject()
            .put("episodes", urgent[0])
            .put("firstResponse", firstResponses.stat("urgent").toJson())
            .put("withinSla", sla(urgent)))
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
    int[] c = counts(name);
    return new JsonObject()
        .put("episodes", c[0])
        .put("firstResponse", firstResponses.stat(name).toJson())
        .put("reply", replies.stat(name).toJson())
        .put("withinSla", sla(c))
        .put("missed", new Share(c[3], c[0]).toJson());
  }

  JsonArray byDay(ReportQuery query) {
    JsonArray out = new JsonArray();
    for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
      int i = dayDates.indexOf(d);
      int[] day = i < 0 ? new int[2] : dayCounts.get(i);
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
    TreeSet<String> people = new TreeSet<>(staff);
    query.adviser().ifPresent(only -> people.retainAll(List.of(only)));
    List<JsonObject> rows = new ArrayList<>();
    for (String person : people) {
      int id = GroupNames.adviser(person);
      int[] c = id < staffCounts.length && staffCounts[id] != null ? staffCounts[id] : new int[4];
      rows.add(new JsonObject()
          .put("adviser", person)
          .put("episodes", c[0])
          .put("firstResponse", firstResponses.stat("adviser:" + person).toJson())
          .put("reply", replies.stat("adviser:" + person).toJson())
          .put("resolved", id < resolvedBy.length ? resolvedBy[id] : 0)
          .put("missed", new Share(c[3], c[0]).toJson()));
    }
    rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("adviser")));
    return new JsonArray(new ArrayList<>(rows));
  }

  JsonArray byShift(Function<String, String> labels) {
    List<JsonObject> rows = new ArrayList<>();
    shifts.forEach(shift -> rows.add(group("shift:" + shift).put("shift", shift).put("label", labels.apply(shift))));
    rows.sort(Comparator.comparingInt((JsonObject r) -> -r.getInteger("episodes")).thenComparing(r -> r.getString("shift")));
    return new JsonArray(new ArrayList<>(rows));
  }

  private int[] counts(String group) {
    int id = GroupNames.id(group);
    return id < counts.length && counts[id] != null ? counts[id] : new int[4];
  }

  private int[] day(LocalDate date) {
    // A tally holds one day, or a period's few hundred: a list is quick enough and keeps their order.
    int i = dayDates.lastIndexOf(date);
    if (i >= 0) {
      return dayCounts.get(i);
    }
    dayDates.add(date);
    int[] day = new int[2];
    dayCounts.add(day);
    return day;
  }

  private static JsonObject sla(int[] c) {
    return new Share(c[1], c[2]).toJson();
  }

  private static int[][] grown(int[][] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
  }

  private static void count(int[][] array, int g, Outcome o) {
    if (array[g] == null) {
      array[g] = new int[4];
    }
    array[g][0]++;
    array[g][1] += Boolean.TRUE.equals(o.withinSla) ? 1 : 0;
    array[g][2] += o.withinSla != null ? 1 : 0;
    array[g][3] += Boolean.TRUE.equals(o.missed) ? 1 : 0;
  }

  private static void sum(int[][] array, int g, int[] more) {
    if (array[g] == null) {
      array[g] = new int[4];
    }
    for (int i = 0; i < 4; i++) {
      array[g][i] += more[i];
    }
  }
}
