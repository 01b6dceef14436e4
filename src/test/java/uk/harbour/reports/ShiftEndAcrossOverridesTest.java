package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.RotaJson;

/**
 * "Missed" means no reply before the end of the shift that was on when the wait started. An
 * override cuts a shift into pieces wherever it changes someone in it; the shift still ends when
 * its last piece with someone on call ends. Sam's Tuesday 17:00-23:00 shift, Priya his backup.
 */
@Timeout(30)
class ShiftEndAcrossOverridesTest {

  private static final ReportSettings SETTINGS =
      new ReportSettings(Duration.ofMinutes(10), Duration.ofMinutes(2), ReportSettings.MISSED_AFTER, ReportHistory.LONDON);

  @Test
  @DisplayName("The backup off sick for an hour does not end the shift: a reply after 40 minutes, inside the shift, is not missed")
  void backupSicknessDoesNotEndTheShift() throws Exception {
    CoverLookup covers = covers(sickness("priya", "2026-03-24T18:00", "2026-03-24T19:00"));
    Cover cover = covers.at(local("2026-03-24T17:30"));
    assertEquals("tue-evening", cover.shiftId());
    assertEquals(local("2026-03-24T23:00"), cover.end());
    List<Message> messages = new ReportHistory.Script("cl-shift-end")
        .young("2026-03-24T17:30").staff("sam", "2026-03-24T18:10")
        .event("sam", "2026-03-24T18:30", new ConversationEvent.Resolved("sam")).done();
    assertEquals(Boolean.FALSE, outcome(messages, covers).missed);
  }

  @Test
  @DisplayName("With nobody left on call (the only adviser off sick from 20:00) the shift ends when they go")
  void shiftEndsWhereNobodyIsLeftOnCall() throws Exception {
    CoverLookup covers = covers(sickness("priya", "2026-03-24T18:00", "2026-03-24T19:00"), sickness("sam", "2026-03-24T20:00", "2026-03-24T23:00"));
    assertEquals(local("2026-03-24T20:00"), covers.at(local("2026-03-24T17:30")).end());
  }

  private static JsonObject sickness(String adviser, String start, String end) {
    return new JsonObject().put("id", adviser + "-sick").put("kind", "SICKNESS").put("adviser", adviser).put("start", start).put("end", end);
  }

  private static CoverLookup covers(JsonObject... overrides) throws Exception {
    JsonObject rota = new JsonObject().put("officeHours", new JsonArray())
        .put("templates", new JsonArray().add(new JsonObject().put("id", "tue-evening").put("day", "TUESDAY").put("start", "17:00").put("end", "23:00")
            .put("onCall", new JsonArray().add("sam")).put("backup", "priya")))
        .put("overrides", new JsonArray(List.of((Object[]) overrides)));
    BankHolidays holidays = BankHolidays.fromYaml(Files.readString(Path.of("config/bank-holidays.yaml")));
    RotaEngine engine = new RotaEngine(RotaJson.rotaFromJson(rota, 3), holidays, ReportHistory.LONDON);
    return new CoverLookup(() -> engine, holidays, ReportHistory.LONDON);
  }

  private static Outcome outcome(List<Message> messages, CoverLookup covers) {
    ConversationFold fold = new ConversationFold("cl-shift-end", ReportHistory.TEAM, "sam", covers);
    Episode episode = null;
    for (Message m : messages) {
      for (Episode e : fold.apply(m)) {
        episode = e;
      }
    }
    return Outcome.of(episode, ReportHistory.NOW.getEpochSecond(), SETTINGS);
  }

  private static Instant local(String at) {
    return LocalDateTime.parse(at).atZone(ReportHistory.LONDON).toInstant();
  }
}
