package uk.harbour.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.harbour.chat.Message;

/**
 * Folds whole conversations into report records outside a running Harbour (the benchmark's history
 * is written straight into a stopped store): the same fold as {@link ReportWriter}, collected into
 * the day roll-ups and watermarks the repositories store.
 */
public final class ReportRebuild {

  private final CoverLookup covers;
  private final ZoneId zone;
  private final Map<String, ReportDayRepository.DayRows> days = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
  private final List<ConversationFold.Progress> progress = new ArrayList<>();
  private int episodes;

  public ReportRebuild(CoverLookup covers, ZoneId zone) {
    this.covers = Objects.requireNonNull(covers);
    this.zone = Objects.requireNonNull(zone);
  }

  /** Folds one conversation's messages, all of them, in seq order. */
  public void fold(String conversationId, String team, String pa, List<Message> messages) {
    ConversationFold fold = new ConversationFold(conversationId, team, pa, covers);
    Map<String, Episode> touched = new LinkedHashMap<>();
    for (Message m : messages) {
      fold.apply(m).forEach(e -> touched.put(e.key(), e));
    }
    for (Episode e : touched.values()) {
      LocalDate day = e.startedAt().atZone(zone).toLocalDate();
      String id = ReportDayRepository.DayRows.id(fold.team(), day);
      rows.computeIfAbsent(id, k -> {
        days.put(k, new ReportDayRepository.DayRows(fold.team(), day, Map.of()));
        return new LinkedHashMap<>();
      }).put(e.key(), e.pack());
      episodes++;
    }
    progress.add(fold.progress());
  }

  public int episodes() {
    return episodes;
  }

  public List<ReportDayRepository.DayRows> days() {
    List<ReportDayRepository.DayRows> out = new ArrayList<>();
    days.forEach((id, day) -> out.add(new ReportDayRepository.DayRows(day.team(), day.day(), rows.get(id))));
    return out;
  }

  public List<ConversationFold.Progress> progress() {
    return List.copyOf(progress);
  }
}
