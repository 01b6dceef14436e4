package uk.harbour.reports;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Day roll-ups already read and unpacked, least recently used first out, at most about
 * {@code maxEpisodes} episodes in all (a year of a busy team). The report writer says which days
 * it has just written and those are read again; a read that overlapped such a write is not kept.
 * One writer per deployment is assumed (as for routing): another node's writes would not be seen
 * here until the day drops out.
 */
final class DayCache {

  private final int maxEpisodes;
  private final LinkedHashMap<String, DayBlock> days = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<String, Long> forgottenAt = new HashMap<>();
  private long generation;
  private int held;

  DayCache(int maxEpisodes) {
    this.maxEpisodes = maxEpisodes;
  }

  /** Where a read starts: what it finds may be kept unless a write to the same day came after. */
  synchronized long generation() {
    return generation;
  }

  synchronized Optional<DayBlock> get(String dayId) {
    return Optional.ofNullable(days.get(dayId));
  }

  synchronized void put(String dayId, DayBlock day, long readAt) {
    if (forgottenAt.getOrDefault(dayId, -1L) > readAt || day.episodes().size() > maxEpisodes) {
      return;
    }
    DayBlock old = days.put(dayId, day);
    held += day.episodes().size() - (old == null ? 0 : old.episodes().size());
    var eldest = days.entrySet().iterator();
    while (held > maxEpisodes && eldest.hasNext()) {
      held -= eldest.next().getValue().episodes().size();
      eldest.remove();
    }
  }

  synchronized void forget(Collection<String> dayIds) {
    generation++;
    for (String id : dayIds) {
      forgottenAt.put(id, generation);
      DayBlock old = days.remove(id);
      held -= old == null ? 0 : old.episodes().size();
    }
  }
}
