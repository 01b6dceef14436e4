package uk.harbour.reports;

import uk.harbour.chat.ConversationEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.Message;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.RotaJson;

/**
 * Every metric on the hand-built history of {@link ReportHistory}, with the answers worked out by
 * hand in the comments. Medians and 90th percentiles are nearest-rank: the value at rank
 * ceil(p × n / 100) of the sorted list.
 */
@DisplayName("Report figures on a hand-built history with known answers")
@Timeout(30)
class ReportFiguresTest {

  private static final ReportSettings SETTINGS = new ReportSettings(Duration.ofMinutes(10), Duration.ofMinutes(2), ReportSettings.MISSED_AFTER, ReportHistory.LONDON);
  private static CoverLookup covers;
  private static List<Episode> episodes;
  private static JsonObject fortnight;

  @BeforeAll
  static void fold() throws Exception {
    BankHolidays holidays = BankHolidays.fromYaml(Files.readString(Path.of("config/bank-holidays.yaml")));
    RotaEngine engine = new RotaEngine(RotaJson.rotaFromJson(ReportHistory.rota(), 3), holidays, ReportHistory.LONDON);
    covers = new CoverLookup(() -> engine, holidays, ReportHistory.LONDON);
    episodes = new ArrayList<>();
    ReportHistory.messages().forEach((id, messages) -> episodes.addAll(foldAll(id, messages).values()));
    fortnight = summary(query("2026-03-23", "2026-04-05"));
  }

  @Test
  @DisplayName("after a PA change, later episodes count for the new PA (as own PA) and their team; earlier ones stay where they were")
  void paChangeMovesLaterEpisodes() {
    List<Message> messages = new ReportHistory.Script("cl-pa-change")
        .young("2026-03-24T19:00").staff("sam", "2026-03-24T19:05").event("sam", "2026-03-24T19:10", new ConversationEvent.Resolved("sam"))
        .alert("jo", "2026-03-25T10:00", new ConversationEvent.PaChanged("lee", "north", "jo"))
        .young("2026-03-25T11:00").staff("lee", "2026-03-25T11:05").done();
    ConversationFold fold = new ConversationFold("cl-pa-change", ReportHistory.TEAM, "sam", covers);
    Map<Integer, Episode> episodes = new LinkedHashMap<>();
    for (Message m : messages) {
      fold.apply(m).forEach(e -> episodes.put(e.number, e));
    }
    assertEquals("north", fold.team());
    assertEquals("north", fold.progress().team(), "kept across a restart");
    assertEquals(ConversationFold.OWN_PA, episodes.get(1).responderKind, "Sam was the PA then");
    assertEquals(ConversationFold.OWN_PA, episodes.get(2).responderKind, "Lee is the PA now");
  }

  /** Folds a conversation's messages and returns its records as stored: packed and read back. */
  private static Map<String, Episode> foldAll(String id, List<Message> messages) {
    ConversationFold fold = new ConversationFold(id, ReportHistory.TEAM, "sam", covers);
    Map<String, String> lines = new LinkedHashMap<>();
    for (Message m : messages) {
      fold.apply(m).forEach(e -> lines.put(e.key(), e.pack()));
    }
    Map<String, Episode> out = new LinkedHashMap<>();
    lines.forEach((key, line) -> out.put(key, Episode.unpack(Episode.conversationIdOf(key), line)));
    return out;
  }

  private static ReportQuery query(String from, String to) {
    return new ReportQuery(LocalDate.parse(from), LocalDate.parse(to), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static JsonObject summary(ReportQuery query) {
    return new SummaryBuilder(SETTINGS, id -> id).build(query, episodes, ReportHistory.NOW.getEpochSecond());
  }

  private static void assertStat(JsonObject stat, int count, Long median, Long p90) {
    assertEquals(count, stat.getInteger("count"), "count in " + stat);
    assertEquals(median, stat.getLong("median"), "median in " + stat);
    assertEquals(p90, stat.getLong("p90"), "p90 in " + stat);
  }

  private static void assertShare(JsonObject share, int count, int of) {
    assertEquals(count, share.getInteger("count"), "count in " + share);
    assertEquals(of, share.getInteger("of"), "of in " + share);
  }

  private static Episode episode(String id, int number) {
    return episodes.stream().filter(e -> e.conversationId.equals(id) && e.number == number).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Nine episodes; a conversation nobody answered and one resolved without a reply both count")
  void episodesCounted() {
    assertEquals(9, fortnight.getInteger("episodes"));
    assertEquals(1, fortnight.getInteger("unanswered"), "E is still waiting for its first reply");
  }

  @Test
  @DisplayName("First response: from the young person's first message to the first staff message, auto-replies and Harbour's cards not counting")
  void firstResponse() {
    // A 1200, G 60, H2 180, D 27000 (02:00 to 09:30: the auto-reply and card at 02:00 do not count), B 2400, F 120, C 300.
    // Sorted 60 120 180 300 1200 2400 27000: median rank 4, p90 rank 7.
    assertStat(fortnight.getJsonObject("firstResponse"), 7, 300L, 27000L);
    assertEquals(27000, episode(ReportHistory.D, 1).firstResponse);
    assertTrue(episode(ReportHistory.D, 1).autoReplied);
  }

  @Test
  @DisplayName("The spring-forward night: 00:30 GMT to 02:10 BST is 40 minutes, not 100")
  void dstNight() {
    Episode b = episode(ReportHistory.B, 1);
    assertEquals(2400, b.firstResponse);
    assertEquals(5400, b.resolved);
    assertEquals(ShiftType.WEEKEND, b.shiftType);
    assertEquals("sat-night", b.shiftId);
  }

  @Test
  @DisplayName("Reply time counts every turn that waited on staff, so a conversation answered fast once and then left for an hour shows the hour")
  void replyTimes() {
    // A 1200 2700, G 60 3900, H2 180, D 27000, B 2400, F 120 1800, C 300 60: 11 turns.
    // Sorted 60 60 120 180 300 1200 1800 2400 2700 3900 27000: median rank 6, p90 rank 10.
    assertStat(fortnight.getJsonObject("reply"), 11, 1200L, 3900L);
  }

  @Test
  @DisplayName("Resolution time runs from the young person's first message to the resolution")
  void resolution() {
    // A 5400, G 4500, H1 300, H2 240, D 27600, B 5400, F 3600, C 1800 (E is open).
    assertStat(fortnight.getJsonObject("resolution"), 8, 3600L, 27600L);
  }

  @Test
  @DisplayName("Within the SLA: every wait answered within 10 minutes (2 when urgent); normal and urgent apart")
  void withinSla() {
    // Only H2 (3 minutes) and C (5 then 1 minute) had every wait answered in time; E is past its SLA unanswered, H1 was never answered.
    assertShare(fortnight.getJsonObject("withinSla"), 2, 9);
    assertEquals(0.2222, fortnight.getJsonObject("withinSla").getDouble("share"));
    assertShare(fortnight.getJsonObject("withinSla").getJsonObject("normal"), 2, 8);
    // F's second wait was urgent: 30 minutes against 2.
    assertShare(fortnight.getJsonObject("withinSla").getJsonObject("urgent"), 0, 1);
  }

  @Test
  @DisplayName("Missed: no reply within 60 minutes, none before the shift ended, or nobody answered at all")
  void missed() {
    // A: 20 minutes but after the 23:00 shift end. G: the 65-minute wait. H1: resolved with no reply. D: 7.5 hours. E: never answered.
    assertShare(fortnight.getJsonObject("missed"), 5, 9);
    Map<String, Boolean> byEpisode = new LinkedHashMap<>();
    for (Episode e : episodes) {
      byEpisode.put(e.conversationId + "/" + e.number, Outcome.of(e, ReportHistory.NOW.getEpochSecond(), SETTINGS).missed);
    }
    assertEquals(Boolean.TRUE, byEpisode.get(ReportHistory.A + "/1"), "answered 10 minutes after the shift that had it ended");
    assertEquals(Boolean.FALSE, byEpisode.get(ReportHistory.B + "/1"));
    assertEquals(Boolean.TRUE, byEpisode.get(ReportHistory.H + "/1"));
    assertEquals(Boolean.FALSE, byEpisode.get(ReportHistory.H + "/2"));
    assertEquals(Boolean.TRUE, byEpisode.get(ReportHistory.E + "/1"));
  }

  @Test
  @DisplayName("An unanswered wait is pending until 60 minutes or the shift end, then missed; it never drops out")
  void pendingThenMissed() {
    Episode e = episode(ReportHistory.E, 1);
    long start = e.start;
    assertNull(Outcome.of(e, start + 3599, SETTINGS).missed, "59:59 after the first message: not yet missed");
    assertEquals(Boolean.TRUE, Outcome.of(e, start + 3601, SETTINGS).missed);
    assertNull(Outcome.of(e, start + 599, SETTINGS).withinSla);
    assertEquals(Boolean.FALSE, Outcome.of(e, start + 601, SETTINGS).withinSla);
  }

  @Test
  @DisplayName("Escalations by level and how fast the first alert of a wait was answered")
  void escalations() {
    JsonObject escalations = fortnight.getJsonObject("escalations");
    assertEquals(1, escalations.getInteger("episodes"));
    assertEquals(1, escalations.getInteger("level1"));
    assertEquals(1, escalations.getInteger("level2"));
    assertEquals(0, escalations.getInteger("level3plus"));
    // First alert 18:13, acknowledged 18:20.
    assertStat(escalations.getJsonObject("acknowledgement"), 1, 420L, 420L);
    assertEquals(0, escalations.getInteger("unacknowledged"));
  }

  @Test
  @DisplayName("Urgent conversations and how fast they were answered")
  void urgent() {
    JsonObject urgent = fortnight.getJsonObject("urgent");
    assertEquals(1, urgent.getInteger("episodes"));
    assertStat(urgent.getJsonObject("firstResponse"), 1, 120L, 120L);
    assertShare(urgent.getJsonObject("withinSla"), 0, 1);
  }

  @Test
  @DisplayName("'Was this helpful?': asked after every resolved episode; the share is yes out of those who said yes or not really")
  void helpful() {
    JsonObject helpful = fortnight.getJsonObject("helpful");
    assertEquals(8, helpful.getInteger("asked"));
    assertEquals(2, helpful.getInteger("yes"));
    assertEquals(1, helpful.getInteger("notReally"));
    assertEquals(1, helpful.getInteger("skipped"));
    assertEquals(4, helpful.getInteger("noAnswer"));
    assertEquals(0.6667, helpful.getDouble("share"));
  }

  @Test
  @DisplayName("Office hours against out of hours; a bank holiday is never office hours")
  void officeHours() {
    JsonObject office = fortnight.getJsonObject("officeHours");
    assertEquals(3, office.getInteger("episodes"), "G, H1 and H2 on Wednesday morning");
    assertStat(office.getJsonObject("firstResponse"), 2, 60L, 180L);
    assertEquals(6, fortnight.getJsonObject("outOfHours").getInteger("episodes"));
    Episode goodFriday = episode(ReportHistory.C, 1);
    assertFalse(goodFriday.officeHours);
    assertEquals(ShiftType.BANK_HOLIDAY, goodFriday.shiftType);
    assertEquals("sun-day", goodFriday.shiftId, "a bank holiday follows the Sunday pattern");
  }

  @Test
  @DisplayName("Own PA against duty adviser, by who gave the first response")
  void ownPaAgainstDutyAdviser() {
    assertEquals(5, fortnight.getJsonObject("ownPa").getInteger("episodes"));
    assertEquals(2, fortnight.getJsonObject("dutyAdviser").getInteger("episodes"));
    assertStat(fortnight.getJsonObject("dutyAdviser").getJsonObject("firstResponse"), 2, 300L, 2400L);
    assertEquals(0, fortnight.getJsonObject("otherStaff").getInteger("episodes"));
  }

  @Test
  @DisplayName("Per adviser: a transfer credits each turn to whoever answered it")
  void perAdviser() {
    JsonArray rows = fortnight.getJsonArray("byAdviser");
    JsonObject sam = rows.getJsonObject(0);
    assertEquals("sam", sam.getString("adviser"));
    assertEquals(5, sam.getInteger("episodes"));
    assertStat(sam.getJsonObject("firstResponse"), 5, 180L, 27000L);
    assertStat(sam.getJsonObject("reply"), 6, 180L, 27000L);
    assertEquals(3, sam.getInteger("resolved"));
    assertShare(sam.getJsonObject("missed"), 3, 5);
    JsonObject priya = rows.getJsonObject(1);
    assertEquals("priya", priya.getString("adviser"));
    assertEquals(4, priya.getInteger("episodes"));
    assertStat(priya.getJsonObject("reply"), 5, 1800L, 2700L);
    assertEquals(4, priya.getInteger("resolved"));
    assertEquals(2, rows.size(), "Jo resolved H1 without taking part: no row");
    assertEquals(1, episode(ReportHistory.F, 1).transfers);
  }

  @Test
  @DisplayName("Per shift: an episode belongs to the shift on when it started, even one spanning midnight and a shift change")
  void perShift() {
    Map<String, Integer> byShift = new LinkedHashMap<>();
    fortnight.getJsonArray("byShift").forEach(o -> byShift.put(((JsonObject) o).getString("shift"), ((JsonObject) o).getInteger("episodes")));
    assertEquals(Map.of("office_hours", 3, "tue-evening", 2, "none", 1, "thu-evening", 1, "sat-night", 1, "sun-day", 1), byShift);
    Episode a = episode(ReportHistory.A, 1);
    assertEquals(LocalDate.parse("2026-03-24"), a.startedAt().atZone(ReportHistory.LONDON).toLocalDate(), "counted on the day it started");
    assertEquals(600, a.waits.get(0).coverEnd, "the evening shift ended ten minutes in");
  }

  @Test
  @DisplayName("Volume by day and by hour of the week, in London time")
  void volume() {
    Map<String, Integer> byDay = new LinkedHashMap<>();
    fortnight.getJsonArray("byDay").forEach(o -> byDay.put(((JsonObject) o).getString("date"), ((JsonObject) o).getInteger("episodes")));
    assertEquals(14, byDay.size());
    assertEquals(1, byDay.get("2026-03-24"));
    assertEquals(3, byDay.get("2026-03-25"));
    assertEquals(2, byDay.get("2026-03-26"));
    assertEquals(0, byDay.get("2026-03-27"));
    JsonArray week = fortnight.getJsonArray("byHourOfWeek");
    assertEquals("TUESDAY", week.getJsonObject(1).getString("day"));
    assertEquals(1, week.getJsonObject(1).getJsonArray("hours").getInteger(22), "A at 22:50");
    assertEquals(1, week.getJsonObject(1).getJsonArray("hours").getInteger(18), "F at 18:00 BST, not 17:00 UTC");
    assertEquals(1, week.getJsonObject(6).getJsonArray("hours").getInteger(0), "B at 00:30 on Sunday");
    int total = 0;
    for (Object day : week) {
      for (Object count : ((JsonObject) day).getJsonArray("hours")) {
        total += (Integer) count;
      }
    }
    assertEquals(9, total);
  }

  @Test
  @DisplayName("Filters: adviser, shift type and priority; the previous period has the same length and filters")
  void filters() {
    ReportQuery all = query("2026-03-23", "2026-04-05");
    assertEquals(4, summary(new ReportQuery(all.from(), all.to(), Optional.empty(), Optional.of("priya"), Optional.empty(), Optional.empty())).getInteger("episodes"));
    assertEquals(3, summary(new ReportQuery(all.from(), all.to(), Optional.empty(), Optional.empty(), Optional.of(ShiftType.OFFICE_HOURS), Optional.empty())).getInteger("episodes"));
    assertEquals(1, summary(new ReportQuery(all.from(), all.to(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("urgent"))).getInteger("episodes"));
    assertEquals(8, summary(new ReportQuery(all.from(), all.to(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("normal"))).getInteger("episodes"));
    JsonObject week = summary(query("2026-03-30", "2026-04-05"));
    assertEquals(2, week.getInteger("episodes"), "F and C");
    JsonObject previous = week.getJsonObject("previous");
    assertEquals("2026-03-23", previous.getString("from"));
    assertEquals("2026-03-29", previous.getString("to"));
    assertEquals(7, previous.getInteger("episodes"));
    assertStat(previous.getJsonObject("firstResponse"), 5, 1200L, 27000L);
  }

  @Test
  @DisplayName("The previous period's breakdowns: groups, staff, shifts, days and hours of the week, each worked out by hand")
  void previousBreakdowns() {
    // The week of 30 March has F and C; the week before (23 to 29 March) has A, G, H1, H2, D, E and B.
    JsonObject week = summary(query("2026-03-30", "2026-04-05"));
    JsonObject previous = week.getJsonObject("previous");
    // Office hours: G, H1 and H2; first responses G 60, H2 180. Out of hours: A, D, E, B; A 1200, D 27000, B 2400.
    assertEquals(3, previous.getJsonObject("officeHours").getInteger("episodes"));
    assertStat(previous.getJsonObject("officeHours").getJsonObject("firstResponse"), 2, 60L, 180L);
    assertEquals(4, previous.getJsonObject("outOfHours").getInteger("episodes"));
    assertStat(previous.getJsonObject("outOfHours").getJsonObject("firstResponse"), 3, 2400L, 27000L);
    assertShare(previous.getJsonObject("outOfHours").getJsonObject("missed"), 3, 4);
    // Own PA: A, G, H2, D (sorted 60 180 1200 27000); duty adviser: B alone (F and C are this week's).
    assertStat(previous.getJsonObject("ownPa").getJsonObject("firstResponse"), 4, 180L, 27000L);
    assertStat(previous.getJsonObject("dutyAdviser").getJsonObject("firstResponse"), 1, 2400L, 2400L);
    assertEquals(0, previous.getJsonObject("otherStaff").getInteger("episodes"));

    // Sam: A, G, H2, D; replies A 1200, G 60 and 3900, H2 180, D 27000 (A's second wait was Priya's).
    JsonObject sam = row(previous.getJsonArray("byAdviser"), "adviser", "sam");
    assertEquals(4, sam.getInteger("episodes"));
    assertStat(sam.getJsonObject("firstResponse"), 4, 180L, 27000L);
    assertStat(sam.getJsonObject("reply"), 5, 1200L, 27000L);
    assertEquals(3, sam.getInteger("resolved"), "G, H2 and D");
    assertShare(sam.getJsonObject("missed"), 3, 4);
    // Priya: A (its second wait, 2700) and B (2400); she resolved both.
    JsonObject priya = row(previous.getJsonArray("byAdviser"), "adviser", "priya");
    assertEquals(2, priya.getInteger("episodes"));
    assertStat(priya.getJsonObject("reply"), 2, 2400L, 2700L);
    assertEquals(2, priya.getInteger("resolved"));
    assertEquals(2, previous.getJsonArray("byAdviser").size());

    Map<String, Integer> byShift = new LinkedHashMap<>();
    previous.getJsonArray("byShift").forEach(o -> byShift.put(((JsonObject) o).getString("shift"), ((JsonObject) o).getInteger("episodes")));
    assertEquals(Map.of("office_hours", 3, "tue-evening", 1, "none", 1, "thu-evening", 1, "sat-night", 1), byShift);
    assertShare(row(previous.getJsonArray("byShift"), "shift", "office_hours").getJsonObject("missed"), 2, 3);

    // By day: the previous period's own dates, A on Tuesday, G H1 H2 on Wednesday, D E on Thursday, B on Sunday.
    Map<String, String> byDay = new LinkedHashMap<>();
    previous.getJsonArray("byDay").forEach(o -> byDay.put(((JsonObject) o).getString("date"),
        ((JsonObject) o).getInteger("episodes") + "/" + ((JsonObject) o).getInteger("missed")));
    assertEquals(List.of("2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"), List.copyOf(byDay.keySet()));
    assertEquals(List.of("0/0", "1/1", "3/2", "2/2", "0/0", "0/0", "1/0"), List.copyOf(byDay.values()), "episodes/missed");

    JsonArray hours = previous.getJsonArray("byHourOfWeek");
    assertEquals(1, hours.getJsonObject(1).getJsonArray("hours").getInteger(22), "A, Tuesday 22:50");
    assertEquals(1, hours.getJsonObject(2).getJsonArray("hours").getInteger(13), "H2, Wednesday 13:00");
    assertEquals(1, hours.getJsonObject(3).getJsonArray("hours").getInteger(2), "D, Thursday 02:00");
    assertEquals(0, hours.getJsonObject(1).getJsonArray("hours").getInteger(18), "F is this week's");

    // Asked after A, G, H1, H2, D and B (E is open): A said yes, B not really.
    assertEquals(6, previous.getJsonObject("helpful").getInteger("asked"));
    assertEquals(0.5, previous.getJsonObject("helpful").getDouble("share"));
    assertEquals(0, previous.getJsonObject("escalations").getInteger("episodes"), "F's escalation is this week's");
    // The same figures differ this week: F and C alone, F escalated, and no office-hours episode.
    assertEquals(1, week.getJsonObject("escalations").getInteger("episodes"));
    assertEquals(0, week.getJsonObject("officeHours").getInteger("episodes"));
    assertEquals(2, week.getJsonObject("outOfHours").getInteger("episodes"));
  }

  @Test
  @DisplayName("Every figure has its previous value: the fortnight after ours compares itself with exactly our fortnight's figures")
  void previousHoldsEveryFigure() {
    JsonObject after = summary(query("2026-04-06", "2026-04-19"));
    assertEquals(0, after.getInteger("episodes"));
    JsonObject previous = after.getJsonObject("previous");
    assertEquals("2026-03-23", previous.getString("from"));
    assertEquals("2026-04-05", previous.getString("to"));
    // Known answers of the escalations and urgent tables, now as the previous period's.
    assertEquals(1, previous.getJsonObject("escalations").getInteger("level2"));
    assertStat(previous.getJsonObject("escalations").getJsonObject("acknowledgement"), 1, 420L, 420L);
    assertStat(previous.getJsonObject("urgent").getJsonObject("firstResponse"), 1, 120L, 120L);
    assertStat(row(previous.getJsonArray("byAdviser"), "adviser", "priya").getJsonObject("reply"), 5, 1800L, 2700L);

    Map<String, Object> ours = ReportCsv.flatten(fortnight);
    Map<String, Object> theirs = ReportCsv.flatten(previous);
    List<String> notFigures = List.of("from", "to", "days", "team", "adviser", "shiftType", "priority");
    int compared = 0;
    for (Map.Entry<String, Object> figure : ours.entrySet()) {
      String name = figure.getKey();
      if (notFigures.contains(name) || name.startsWith("settings.") || name.startsWith("previous.")) {
        continue;
      }
      assertTrue(theirs.containsKey(name), "no previous value for " + name);
      assertEquals(figure.getValue(), theirs.get(name), "previous " + name);
      compared++;
    }
    assertTrue(compared > 300, "headline, groups, staff, shifts, days and the week grid: " + compared);
  }

  private static JsonObject row(JsonArray rows, String key, String value) {
    return rows.stream().map(JsonObject.class::cast).filter(r -> value.equals(r.getString(key))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + rows));
  }

  @Test
  @DisplayName("Folding in two halves with the progress stored in between gives the same records as folding at once")
  void rebuiltExactly() {
    for (Map.Entry<String, List<Message>> conversation : ReportHistory.messages().entrySet()) {
      List<Message> messages = conversation.getValue();
      Map<String, Episode> once = foldAll(conversation.getKey(), messages);
      for (int cut = 0; cut <= messages.size(); cut++) {
        ConversationFold first = new ConversationFold(conversation.getKey(), ReportHistory.TEAM, "sam", covers);
        Map<String, String> lines = new LinkedHashMap<>();
        for (Message m : messages.subList(0, cut)) {
          first.apply(m).forEach(e -> lines.put(e.key(), e.pack()));
        }
        ConversationFold second = new ConversationFold(first.progress(), "sam", covers);
        for (Message m : messages) {
          second.apply(m).forEach(e -> lines.put(e.key(), e.pack()));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        once.forEach((key, e) -> expected.put(key, e.pack()));
        assertEquals(expected, lines, conversation.getKey() + " cut after " + cut + " messages");
      }
    }
  }
}
