package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.RotaJson;

/** The caption under "Episodes by day" says how tall the tallest bar is, in words that fit the number. */
@Timeout(30)
class DaysChartCaptionTest {

  private static final ReportSettings SETTINGS =
      new ReportSettings(Duration.ofMinutes(10), Duration.ofMinutes(2), ReportSettings.MISSED_AFTER, ReportHistory.LONDON);
  private static final ReportQuery WEEK = new ReportQuery(LocalDate.parse("2026-03-23"), LocalDate.parse("2026-03-29"),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  @Test
  @DisplayName("A period with no episodes says so, and draws every bar empty")
  void noEpisodes() {
    JsonObject days = daysOf(List.of());
    assertEquals("No episodes in this period.", days.getString("caption"));
    days.getJsonArray("bars").forEach(bar -> assertEquals(0.0, ((JsonObject) bar).getDouble("height")));
  }

  @Test
  @DisplayName("One episode is one episode, not \"1 episodes\"")
  void oneEpisode() throws Exception {
    BankHolidays holidays = BankHolidays.fromYaml(Files.readString(Path.of("config/bank-holidays.yaml")));
    RotaEngine engine = new RotaEngine(RotaJson.rotaFromJson(ReportHistory.rota(), 3), holidays, ReportHistory.LONDON);
    ConversationFold fold = new ConversationFold("cl-caption", ReportHistory.TEAM, "sam", new CoverLookup(() -> engine, holidays, ReportHistory.LONDON));
    List<Episode> episodes = new ArrayList<>();
    List<Message> messages = new ReportHistory.Script("cl-caption").young("2026-03-24T19:00").staff("sam", "2026-03-24T19:05")
        .event("sam", "2026-03-24T19:30", new ConversationEvent.Resolved("sam")).done();
    messages.forEach(m -> fold.apply(m).forEach(e -> {
      episodes.removeIf(old -> old.key().equals(e.key()));
      episodes.add(e);
    }));
    assertEquals("The tallest bar is 1 episode.", daysOf(episodes).getString("caption"));
  }

  private static JsonObject daysOf(List<Episode> episodes) {
    JsonObject summary = new SummaryBuilder(SETTINGS, id -> id).build(WEEK, episodes, ReportHistory.NOW.getEpochSecond());
    return ReportView.of(summary).getJsonObject("days");
  }
}
