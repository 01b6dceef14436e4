package uk.harbour.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The episode records and watermarks the report writer folded since its last flush. A flush takes
 * them all as one {@link Batch}, packed at once; a batch the store did not take is put back, under
 * anything folded since.
 */
final class Unwritten {

  private record Row(String team, LocalDate day, Episode episode) {}

  /**
   * One flush's writes: the changed records by day roll-up, then the watermarks; the rest is what
   * goes back if the store does not take them.
   */
  record Batch(List<ReportDayRepository.DayRows> days, List<ConversationFold.Progress> marks, Set<String> dayIds,
      Map<String, Row> rows, Map<String, ConversationFold> folds) {}

  private final ZoneId zone;
  /** By day roll-up and episode key: an episode changed twice is written once. */
  private Map<String, Row> rows = new LinkedHashMap<>();
  private Map<String, ConversationFold> folds = new LinkedHashMap<>();

  Unwritten(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  /** The fold of {@code conversationId} moved on, changing these episodes' records. */
  void folded(String conversationId, ConversationFold fold, List<Episode> changed) {
    for (Episode episode : changed) {
      LocalDate day = episode.startedAt().atZone(zone).toLocalDate();
      rows.put(ReportDayRepository.DayRows.id(fold.team(), day) + "/" + episode.key(), new Row(fold.team(), day, episode));
    }
    folds.put(conversationId, fold);
  }

  boolean isEmpty() {
    return rows.isEmpty() && folds.isEmpty();
  }

  /** Everything unwritten, packed now: the fold goes on changing the episodes after the flush has begun. */
  Batch take() {
    Map<String, Row> taken = rows;
    Map<String, ConversationFold> takenFolds = folds;
    rows = new LinkedHashMap<>();
    folds = new LinkedHashMap<>();
    Map<String, Map<String, String>> byDay = new LinkedHashMap<>();
    Map<String, Row> dayOf = new LinkedHashMap<>();
    taken.values().forEach(row -> {
      String dayId = ReportDayRepository.DayRows.id(row.team(), row.day());
      byDay.computeIfAbsent(dayId, k -> new LinkedHashMap<>()).put(row.episode().key(), row.episode().pack());
      dayOf.put(dayId, row);
    });
    List<ReportDayRepository.DayRows> days = new ArrayList<>();
    byDay.forEach((dayId, lines) -> days.add(new ReportDayRepository.DayRows(dayOf.get(dayId).team(), dayOf.get(dayId).day(), lines)));
    List<ConversationFold.Progress> marks = takenFolds.values().stream().map(ConversationFold::progress).toList();
    return new Batch(days, marks, byDay.keySet(), taken, takenFolds);
  }

  /** A batch the store did not take: written at the next flush, unless folded again since. */
  void putBack(Batch batch) {
    batch.rows().forEach(rows::putIfAbsent);
    batch.folds().forEach(folds::putIfAbsent);
  }
}
