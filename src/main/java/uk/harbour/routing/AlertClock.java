package uk.harbour.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.chat.Conversation;

/**
 * When a wait's next escalation alert is due: the SLA after the young person's first unanswered
 * message (shorter when urgent), then every repeat after the last alert. "I've got this" holds it
 * back while whoever said it holds the conversation, and from anyone else for
 * {@code routing.acknowledgementMinutes}; not at all once their account is disabled. The first alert of a wait that ran through a time with
 * nobody at work is counted from when the first person came on.
 */
final class AlertClock {

  private final RotaNow rota;
  private final RoutingSettings settings;
  /** For waits past their plain due time with no alert yet: how far along the rota the search for work has got. */
  private final Map<String, RotaNow.Staffed> staffed = new ConcurrentHashMap<>();

  AlertClock(RotaNow rota, RoutingSettings settings) {
    this.rota = Objects.requireNonNull(rota);
    this.settings = Objects.requireNonNull(settings);
  }

  /**
   * When the next alert is due for this conversation; empty when nobody waits for a reply, or while
   * whoever said "I've got this" holds the conversation (it lapses when it moves off them).
   */
  static Optional<Instant> due(Conversation conv, RoutingSettings settings) {
    // Every turn counts, assigned or not: an answered conversation waits again at the next message.
    if (!conv.awaitingReply()) {
      return Optional.empty();
    }
    if (conv.acknowledgedBy() != null) {
      if (conv.acknowledgedBy().equals(conv.assignedTo())) {
        return Optional.empty();
      }
      // Nobody holds it (a manager said it, or the holder is someone else): a person said it, but
      // may go home unanswered, so it holds the ladder back for a while, not for ever.
      return Optional.of(acknowledgedAt(conv).plus(settings.acknowledgementLimit()));
    }
    if (conv.escalationLevel() == 0) {
      return Optional.of(conv.waitingSince().plus(sla(conv, settings)));
    }
    return Optional.of(conv.escalatedAt().plus(settings.repeat()));
  }

  private static Duration sla(Conversation conv, RoutingSettings settings) {
    return "urgent".equals(conv.priority()) ? settings.urgentSla() : settings.sla();
  }

  /** Snapshots from before {@code acknowledgedAt} was kept: the last alert is the nearest time known. */
  static Instant acknowledgedAt(Conversation conv) {
    return conv.acknowledgedAt() != null ? conv.acknowledgedAt() : conv.escalatedAt() != null ? conv.escalatedAt() : conv.waitingSince();
  }

  /**
   * Exactly at the due time counts as due. The first alert of a wait during which nobody was at
   * work (no shift, no office hours) is counted from when the first person came on: the SLA is
   * theirs to reply in, so a night's wait is not an alarm the moment office hours start. A flagged
   * conversation's alert, which nobody could be given when the risk was noticed, is due at once then.
   */
  boolean dueAt(Conversation conv, Instant now) {
    if (conv.awaitingReply() && conv.acknowledgedBy() != null && !rota.mayWork(conv.acknowledgedBy())) {
      return true; // whoever said "I've got this" can no longer work (account disabled): it holds nothing back
    }
    Optional<Instant> plain = due(conv, settings);
    if (plain.isEmpty() || now.isBefore(plain.get()) || !firstOfWait(conv)) {
      staffed.remove(conv.id());
      return plain.isPresent() && !now.isBefore(plain.get());
    }
    Instant since = staffedSince(conv, now);
    if (!since.isAfter(conv.waitingSince())) {
      return true;
    }
    if (conv.risk().flagged()) {
      return !now.isBefore(since);
    }
    return !now.isBefore(since.plus(sla(conv, settings)));
  }

  /** A flagged conversation whose wait began, or ran on, while nobody was at work: nobody has had its risk alert. */
  boolean riskWaitedForWork(Conversation conv, Instant now) {
    return firstOfWait(conv) && conv.risk().flagged() && staffedSince(conv, now).isAfter(conv.waitingSince());
  }

  private static boolean firstOfWait(Conversation conv) {
    return conv.awaitingReply() && conv.escalationLevel() == 0 && conv.acknowledgedBy() == null;
  }

  /** When work last began, in this wait; walked on from the last sweep's answer. */
  private Instant staffedSince(Conversation conv, Instant now) {
    RotaNow.Staffed walked = rota.staffedSince(staffed.get(conv.id()), conv.waitingSince(), now);
    staffed.put(conv.id(), walked);
    return walked.since();
  }
}
