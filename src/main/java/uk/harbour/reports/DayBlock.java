package uk.harbour.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One day's episodes of one team as a report reads them: the records, and the figures of those
 * whose outcome no longer depends on the time (no wait still open) already added up, so that a
 * report without per-episode filters only adds up days and the few episodes still open.
 */
record DayBlock(LocalDate day, List<Episode> episodes, Tally settled, List<Episode> open) {

  DayBlock {
    Objects.requireNonNull(day);
    episodes = List.copyOf(episodes);
    open = List.copyOf(open);
  }

  static DayBlock of(LocalDate day, List<Episode> episodes, ReportSettings settings) {
    Tally settled = new Tally();
    List<Episode> open = new ArrayList<>();
    for (Episode e : episodes) {
      if (e.openWait() == null) {
        // No open wait: the outcome is the same whenever it is asked for.
        settled.add(e.outcome(0, settings), e.localStart(settings.zone()));
      } else {
        open.add(e);
      }
    }
    return new DayBlock(day, episodes, settled, open);
  }
}
