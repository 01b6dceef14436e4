package uk.harbour.reports;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;


/**
 * Every figure of a report, computed from the episode records of the period (and of the period
 * before, for the comparison) as one JSON object: the API answers it, the page shows it and the
 * CSV lists it, so the three cannot disagree. Field by field in docs/reports.md. The figures are
 * added up per day ({@link Tally}, {@link DayBlock}), so a year's report adds up a year of days.
 */
final class SummaryBuilder {

  private final ReportSettings settings;
  private final Function<String, String> shiftLabels;

  SummaryBuilder(ReportSettings settings, Function<String, String> shiftLabels) {
    this.settings = Objects.requireNonNull(settings);
    this.shiftLabels = Objects.requireNonNull(shiftLabels);
  }

  /** The report of {@code query} (and its previous period) from these episodes, whatever days they started on. */
  JsonObject build(ReportQuery query, List<Episode> episodes, long nowEpochSecond) {
    Map<LocalDate, List<Episode>> byDay = new HashMap<>();
    for (Episode e : episodes) {
      byDay.computeIfAbsent(e.localStart(settings.zone()).toLocalDate(), d -> new ArrayList<>()).add(e);
    }
    List<DayBlock> blocks = new ArrayList<>();
    byDay.forEach((day, list) -> blocks.add(DayBlock.of(day, list, settings)));
    return buildFromDays(query, blocks, nowEpochSecond);
  }

  /** The same from days already read and added up: every day of the period and of the one before (others are ignored). */
  JsonObject buildFromDays(ReportQuery query, List<DayBlock> days, long nowEpochSecond) {
    Tally now = tally(query, days, nowEpochSecond);
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
    figures(now, query, summary);
    ReportQuery before = query.previous();
    JsonObject previousFigures = new JsonObject().put("from", before.from().toString()).put("to", before.to().toString());
    figures(tally(before, days, nowEpochSecond), before, previousFigures);
    return summary.put("previous", previousFigures);
  }

  /** Every figure of a period, the same for the period and the one before, so each has its previous value. */
  private void figures(Tally tally, ReportQuery query, JsonObject into) {
    tally.headline(into);
    into
        .put("demoEpisodes", tally.demo())
        .put("officeHours", tally.group("officeHours"))
        .put("outOfHours", tally.group("outOfHours"))
        .put("ownPa", tally.group(ConversationFold.OWN_PA))
        .put("dutyAdviser", tally.group(ConversationFold.DUTY_ADVISER))
        .put("otherStaff", tally.group(ConversationFold.OTHER_STAFF))
        .put("byDay", tally.byDay(query))
        .put("byHourOfWeek", tally.byHourOfWeek())
        .put("byAdviser", tally.byAdviser(query))
        .put("byShift", tally.byShift(shiftLabels));
  }

  /**
   * Adds up the days of the period. Without per-episode filters a day's settled figures are added
   * as they are and only its open episodes are looked at; with them, every episode is.
   */
  private Tally tally(ReportQuery query, List<DayBlock> days, long nowEpochSecond) {
    boolean wholeDays = query.adviser().isEmpty() && query.shiftType().isEmpty() && query.priority().isEmpty();
    Tally tally = new Tally();
    for (DayBlock day : days) {
      if (day.day().isBefore(query.from()) || day.day().isAfter(query.to())) {
        continue;
      }
      if (wholeDays) {
        tally.addAll(day.settled());
      }
      for (Episode e : wholeDays ? day.open() : day.episodes()) {
        if (query.matches(e)) {
          tally.add(e.outcome(nowEpochSecond, settings), e.localStart(settings.zone()));
        }
      }
    }
    return tally;
  }
}
