package uk.harbour.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an episode's record means at one moment ({@code now}): whether it was missed and whether it
 * was answered within the SLA (null while still undecided), its reply times, and how fast its
 * escalation alerts were answered. The rules are those of docs/reports.md, in one place.
 */
final class Outcome {

  final Episode episode;
  final Boolean missed;
  final Boolean withinSla;
  final List<Long> replies = new ArrayList<>();
  final List<String> repliedBy = new ArrayList<>();
  final List<Long> acknowledgements = new ArrayList<>();
  final int unacknowledged;
  /** The groups the episode's figures count in (every episode, office hours or not, urgency, shift, who answered first). */
  private final int[] groups;
  private final int[] firstResponseGroups;
  private final int[][] replyGroups;

  private Outcome(Episode e, long nowEpochSecond, ReportSettings settings) {
    this.episode = e;
    long now = nowEpochSecond - e.start;
    long missedAfter = settings.missedAfter().toSeconds();
    boolean anyMissed = false;
    boolean missPending = false;
    boolean slaFailed = false;
    boolean slaPending = false;
    boolean slaMet = false;
    int unanswered = 0;
    for (Episode.Wait w : e.waits) {
      long deadline = w.coverEnd >= 0 ? Math.min(w.since + missedAfter, w.coverEnd) : w.since + missedAfter;
      long slaLimit = w.since + settings.slaSeconds(w.urgent);
      if (w.answered()) {
        anyMissed |= w.end > deadline;
        slaMet |= w.end <= slaLimit;
        slaFailed |= w.end > slaLimit;
        replies.add(w.duration());
        repliedBy.add(w.answeredBy);
      } else if (!w.open()) {
        // Closed by resolution without a reply: it counts against the team only once it had waited too long.
        anyMissed |= w.end > deadline;
        slaFailed |= w.end > slaLimit;
      } else {
        anyMissed |= now > deadline;
        missPending |= now <= deadline;
        slaFailed |= now > slaLimit;
        slaPending |= now <= slaLimit;
      }
      if (w.alert >= 0) {
        if (w.alertAnswered >= 0) {
          acknowledgements.add(w.alertAnswered - w.alert);
        } else {
          unanswered++;
        }
      }
    }
    // Resolved without any reply from staff: nobody answered it, however it was closed.
    boolean neverAnswered = e.firstResponse < 0 && e.resolved >= 0;
    this.missed = anyMissed || neverAnswered ? Boolean.TRUE : missPending ? null : Boolean.FALSE;
    this.withinSla = slaFailed || neverAnswered ? Boolean.FALSE : slaPending ? null : slaMet ? Boolean.TRUE : null;
    this.unacknowledged = unanswered;
    this.groups = new int[] {GroupNames.id(Tally.ALL), GroupNames.id(e.officeHours ? "officeHours" : "outOfHours"),
        GroupNames.id(e.urgent ? "urgent" : "normal"), GroupNames.shift(e.shiftId), GroupNames.id(e.responderKind.isEmpty() ? "unanswered" : e.responderKind)};
    this.firstResponseGroups = with(groups, GroupNames.adviser(e.firstResponder));
    this.replyGroups = new int[replies.size()][];
    for (int i = 0; i < replies.size(); i++) {
      replyGroups[i] = with(groups, GroupNames.adviser(repliedBy.get(i)));
    }
  }

  private static int[] with(int[] groups, int extra) {
    int[] out = java.util.Arrays.copyOf(groups, groups.length + 1);
    out[groups.length] = extra;
    return out;
  }

  int[] groups() {
    return groups;
  }

  int[] firstResponseGroups() {
    return firstResponseGroups;
  }

  int[] replyGroups(int reply) {
    return replyGroups[reply];
  }

  static Outcome of(Episode e, long nowEpochSecond, ReportSettings settings) {
    return new Outcome(e, nowEpochSecond, settings);
  }

  boolean answered() {
    return episode.firstResponse >= 0;
  }

  /** Still waiting for anyone on staff to reply at all. */
  boolean unanswered() {
    return episode.firstResponse < 0 && episode.resolved < 0;
  }

  boolean escalated() {
    return episode.alerts[0] + episode.alerts[1] + episode.alerts[2] > 0;
  }

  int topLevel() {
    return episode.alerts[2] > 0 ? 3 : episode.alerts[1] > 0 ? 2 : episode.alerts[0] > 0 ? 1 : 0;
  }
}
