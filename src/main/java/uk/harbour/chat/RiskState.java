package uk.harbour.chat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The safeguarding part of a conversation's fold: the risk flag (categories, highest severity,
 * since when, who raised it) and the episode in which the young person was last sent the kind line
 * with crisis help. A flag stays until a member of staff clears it, across episodes: the next time
 * the young person writes, the conversation is still urgent. Part of the snapshot
 * ({@link ConversationState.Risk}).
 */
final class RiskState {

  private static final String HIGH = "high";

  /** Replaced, never changed: the fold writes in the conversation's chain while others read. */
  private volatile List<String> categories = List.of();
  private String severity;
  private Instant since;
  private String flaggedBy;
  private int repliedEpisode;

  void apply(ConversationEvent event, Instant at, int episode) {
    if (event instanceof ConversationEvent.RiskFlagged flagged) {
      if (categories.isEmpty()) {
        since = at;
      }
      if (flagged.categories() != null) {
        Set<String> more = new LinkedHashSet<>(categories);
        more.addAll(flagged.categories());
        categories = List.copyOf(more);
      }
      if (severity == null || HIGH.equals(flagged.severity())) {
        severity = flagged.severity();
      }
      flaggedBy = flagged.by();
    } else if (event instanceof ConversationEvent.RiskCleared) {
      categories = List.of();
      severity = null;
      since = null;
      flaggedBy = null;
    } else if (event instanceof ConversationEvent.SafetyReply) {
      repliedEpisode = episode;
    }
  }

  boolean flagged() {
    return !categories.isEmpty();
  }

  /** Whether these categories or this severity add to what is already flagged. */
  boolean adds(List<String> moreCategories, String moreSeverity) {
    return !categories.containsAll(moreCategories) || (HIGH.equals(moreSeverity) && !HIGH.equals(severity));
  }

  boolean repliedIn(int episode) {
    return episode > 0 && repliedEpisode == episode;
  }

  ConversationState.Risk state() {
    return new ConversationState.Risk(categories, severity, since, flaggedBy, repliedEpisode);
  }

  void restore(ConversationState.Risk s) {
    categories = s.categories();
    severity = s.severity();
    since = s.since();
    flaggedBy = s.flaggedBy();
    repliedEpisode = s.repliedEpisode();
  }
}
