package uk.harbour.chat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing part of a conversation's fold: when it was assigned, how far the current wait has
 * been escalated and to whom, whether the honest auto-reply went out this episode, the last private
 * note (the handover note) and whether the own PA has a next-day handover item to pick up. Part of
 * the snapshot ({@link ConversationState.Routing}), so escalations and handovers carry on after a restart.
 */
final class RoutingState {

  Instant assignedAt;
  int escalationLevel;
  Instant escalatedAt;
  /** Replaced, never changed: the fold writes in the conversation's chain while access checks read it elsewhere. */
  volatile Set<String> escalatedTo = Set.of();
  /**
   * Everyone alerted about any wait of this episode: they may read the conversation until the next
   * episode, so whoever steps in by replying (a backup, another team's duty manager) keeps it
   * after the wait, and the alert's own access with it, ends. Replaced, never changed, as above.
   */
  volatile Set<String> alertedThisEpisode = Set.of();
  String acknowledgedBy;
  Instant acknowledgedAt;
  int autoRepliedEpisode;
  String lastNote;
  String lastNoteBy;
  Instant paHandoverAt;
  boolean paHandoverPending;
  /** Whether the pending item is the managers' too: the PA's account was disabled when it was made. */
  boolean paHandoverToManagers;
  /** Transferred after it was resolved: whoever it went to keeps it when the young person writes again. */
  boolean heldForNextEpisode;

  /** A new wait (or a reply) starts the escalation ladder again. */
  void waitEnded() {
    escalationLevel = 0;
    escalatedAt = null;
    escalatedTo = Set.of();
    acknowledgementEnded();
  }

  private void acknowledgementEnded() {
    acknowledgedBy = null;
    acknowledgedAt = null;
  }

  /** A new episode: nobody has been alerted about it yet. */
  void episodeStarted() {
    waitEnded();
    alertedThisEpisode = Set.of();
    heldForNextEpisode = false;
  }

  private void alsoAlerted(List<String> more) {
    if (more != null) {
      alertedThisEpisode = with(alertedThisEpisode, more);
    }
  }

  private void alsoEscalatedTo(List<String> more) {
    if (more != null) {
      escalatedTo = with(escalatedTo, more);
      alertedThisEpisode = with(alertedThisEpisode, more);
    }
  }

  private static Set<String> with(Set<String> some, List<String> more) {
    Set<String> all = new LinkedHashSet<>(some);
    all.addAll(more);
    return Collections.unmodifiableSet(all);
  }

  void apply(ConversationEvent event, Instant at) {
    if (event instanceof ConversationEvent.Assigned assigned) {
      assignedAt = at;
      lapseAcknowledgementUnless(assigned.to());
    } else if (event instanceof ConversationEvent.Transferred transferred) {
      assignedAt = at;
      lapseAcknowledgementUnless(transferred.to());
    } else if (event instanceof ConversationEvent.Unassigned) {
      lapseAcknowledgementUnless(null);
      // Handed back with nobody to take it: what the young person was told ("the first person free
      // will reply") may no longer be true, so their next wait gets the honest reply again.
      autoRepliedEpisode = 0;
    } else if (event instanceof ConversationEvent.Escalated escalated) {
      escalationLevel = Math.max(escalationLevel, escalated.level() == null ? escalationLevel + 1 : escalated.level());
      escalatedAt = at;
      // An alert stored after "I've got this" means it ran out (see AlertClock.due): the ladder is back on.
      acknowledgementEnded();
      alsoEscalatedTo(escalated.to());
    } else if (event instanceof ConversationEvent.AlertPassedOn passedOn) {
      alsoEscalatedTo(passedOn.to());
    } else if (event instanceof ConversationEvent.Acknowledged acknowledged) {
      acknowledgedBy = acknowledged.by();
      acknowledgedAt = at;
    } else if (event instanceof ConversationEvent.RiskFlagged) {
      // New risk needs a person to act again, even if someone had already said "I've got this".
      acknowledgementEnded();
    } else if (event instanceof ConversationEvent.PaHandover handover) {
      paHandoverAt = at;
      paHandoverPending = true;
      paHandoverToManagers = Boolean.TRUE.equals(handover.toManagers());
      // The managers given the item in the PA's place: theirs to open, as if alerted.
      alsoAlerted(handover.readers());
    } else if (event instanceof ConversationEvent.HandoverDone) {
      paHandoverPending = false;
    }
  }

  /**
   * "I've got this" holds only while whoever said it holds the conversation: once it moves off them
   * (they went offline, their shift ended, it was transferred) the ladder goes on from where it was,
   * so the young person's wait reaches a person again.
   */
  private void lapseAcknowledgementUnless(String holder) {
    if (acknowledgedBy != null && !acknowledgedBy.equals(holder)) {
      acknowledgementEnded();
    }
  }

  ConversationState.Routing state() {
    return new ConversationState.Routing(
        assignedAt, escalationLevel, escalatedAt, List.copyOf(escalatedTo), List.copyOf(alertedThisEpisode), acknowledgedBy, acknowledgedAt, autoRepliedEpisode, lastNote, lastNoteBy,
        paHandoverAt, paHandoverPending, paHandoverToManagers, heldForNextEpisode);
  }

  void restore(ConversationState.Routing s) {
    assignedAt = s.assignedAt();
    escalationLevel = s.escalationLevel();
    escalatedAt = s.escalatedAt();
    escalatedTo = Collections.unmodifiableSet(new LinkedHashSet<>(s.escalatedTo()));
    alertedThisEpisode = Collections.unmodifiableSet(new LinkedHashSet<>(s.alertedThisEpisode()));
    acknowledgedBy = s.acknowledgedBy();
    acknowledgedAt = s.acknowledgedAt();
    autoRepliedEpisode = s.autoRepliedEpisode();
    lastNote = s.lastNote();
    lastNoteBy = s.lastNoteBy();
    paHandoverAt = s.paHandoverAt();
    paHandoverPending = s.paHandoverPending();
    paHandoverToManagers = s.paHandoverToManagers();
    heldForNextEpisode = s.heldForNextEpisode();
  }
}
