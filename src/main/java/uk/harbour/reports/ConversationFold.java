package uk.harbour.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

/**
 * A conversation's messages folded, in seq order, into its episodes' timing records. Pure apart
 * from the rota look-up, and deterministic: folding the same messages from the same progress gives
 * the same records, which is how a crash is recovered ({@link ReportWriter}). Only the latest
 * episode is held; an earlier one never changes again, because every message belongs to the
 * conversation's latest episode.
 */
public final class ConversationFold {

  static final String OWN_PA = "own_pa";
  static final String DUTY_ADVISER = "duty_adviser";
  static final String OTHER_STAFF = "other_staff";

  private final String conversationId;
  private String team;
  private String pa;
  private final CoverLookup covers;
  private long seq;
  private String priority;
  private Episode episode;

  /** What is kept between restarts: the last seq folded in, the priority then, and the latest episode. */
  public record Progress(String conversationId, String team, long seq, String priority, int episodeNumber, String episode) {}

  ConversationFold(String conversationId, String team, String pa, CoverLookup covers) {
    this(new Progress(conversationId, team, 0, "normal", 0, null), pa, covers);
  }

  ConversationFold(Progress progress, String pa, CoverLookup covers) {
    this.conversationId = Objects.requireNonNull(progress.conversationId());
    this.team = progress.team() == null ? "" : progress.team();
    this.pa = pa;
    this.covers = Objects.requireNonNull(covers);
    this.seq = progress.seq();
    this.priority = progress.priority() == null ? "normal" : progress.priority();
    if (progress.episode() != null) {
      this.episode = Episode.unpack(conversationId, progress.episode());
    } else if (progress.episodeNumber() > 0) {
      this.episode = new Episode(conversationId, progress.episodeNumber(), pa);
    }
  }

  public Progress progress() {
    return new Progress(conversationId, team, seq, priority, episode == null ? 0 : episode.number,
        episode != null && episode.started() ? episode.pack() : null);
  }

  public long seq() {
    return seq;
  }

  /** Seqs up to {@code seq} are missing for good (a rejected duplicate leaves a gap): the fold goes on after them. */
  void skipTo(long seq) {
    this.seq = Math.max(this.seq, seq);
  }

  public String team() {
    return team;
  }

  /**
   * Folds the next message in; returns the started episodes whose records it changed (the
   * previous one too when this message opened a new one). A message at or below the seq already
   * folded is ignored.
   */
  public List<Episode> apply(Message m) {
    if (m.seq() <= seq) {
      return List.of();
    }
    seq = m.seq();
    List<Episode> changed = new ArrayList<>(2);
    Instant at = m.createdAt().truncatedTo(ChronoUnit.SECONDS);
    if (m.event() instanceof ConversationEvent.PriorityChanged p && p.priority() != null) {
      priority = p.priority();
    }
    if (m.event() instanceof ConversationEvent.PaChanged newPa && newPa.to() != null) {
      // Episodes from here on count for the new PA and their team; earlier ones stay where they were.
      pa = newPa.to();
      team = newPa.team() == null ? "" : newPa.team();
    }
    if (episode == null || m.episode() > episode.number) {
      episode = new Episode(conversationId, m.episode(), pa);
    } else if (m.episode() < episode.number) {
      return changed;
    }
    Episode e = episode;
    boolean wasStarted = e.started();
    if (m.fromCareLeaver() && (m.kind() == MessageKind.TEXT || m.kind() == MessageKind.CARD)) {
      careLeaverWrote(e, at);
    } else if (!e.started()) {
      return changed; // staff reaching out before the young person writes: not a request for help yet
    } else if ((m.kind() == MessageKind.TEXT || m.kind() == MessageKind.CARD) && m.senderRole() != null && m.senderRole().isStaff()) {
      staffReplied(e, m, at);
    } else if (m.kind() == MessageKind.AUTO_REPLY) {
      e.autoReplied = true;
    } else if (m.event() != null) {
      event(e, m.event(), at);
    }
    if (e.started() || wasStarted) {
      changed.add(e);
    }
    return changed;
  }

  private void careLeaverWrote(Episode e, Instant at) {
    boolean urgentNow = "urgent".equals(priority);
    if (!e.started()) {
      e.start = at.getEpochSecond();
      Cover cover = covers.at(at);
      e.shiftId = cover.shiftId();
      e.shiftType = cover.type();
      e.officeHours = cover.officeHours();
    }
    e.urgent |= urgentNow;
    if (e.openWait() == null && e.resolved < 0) {
      Episode.Wait wait = new Episode.Wait();
      wait.since = e.offset(at);
      wait.urgent = urgentNow;
      Cover cover = covers.at(at);
      wait.coverEnd = cover.end() == null ? -1 : e.offset(cover.end());
      e.waits.add(wait);
    }
  }

  private void staffReplied(Episode e, Message m, Instant at) {
    e.staff.add(m.senderId());
    Episode.Wait wait = e.openWait();
    if (wait == null) {
      return;
    }
    wait.end = e.offset(at);
    wait.answeredBy = m.senderId();
    if (wait.alert >= 0 && wait.alertAnswered < 0) {
      wait.alertAnswered = wait.end;
    }
    if (e.firstResponse < 0) {
      e.firstResponse = wait.end;
      e.firstResponder = m.senderId();
      e.responderKind = m.senderId().equals(pa) ? OWN_PA : m.senderRole() == Role.ADVISER ? DUTY_ADVISER : OTHER_STAFF;
    }
  }

  private void event(Episode e, ConversationEvent event, Instant at) {
    Episode.Wait wait = e.openWait();
    if (event instanceof ConversationEvent.PriorityChanged p && "urgent".equals(p.priority()) && e.resolved < 0) {
      e.urgent = true;
      if (wait != null) {
        wait.urgent = true;
      }
    } else if (event instanceof ConversationEvent.Resolved resolved) {
      if (e.resolved < 0) {
        e.resolved = e.offset(at);
        e.resolvedBy = resolved.by() == null ? "" : resolved.by();
      }
      if (wait != null) {
        wait.end = e.offset(at);
      }
    } else if (event instanceof ConversationEvent.Assigned assigned && assigned.to() != null) {
      e.staff.add(assigned.to());
    } else if (event instanceof ConversationEvent.Transferred transferred) {
      e.transfers++;
      if (transferred.to() != null) {
        e.staff.add(transferred.to());
      }
    } else if (event instanceof ConversationEvent.Escalated escalated) {
      int level = escalated.level() == null ? 1 : Math.max(1, escalated.level());
      e.alerts[Math.min(level, 3) - 1]++;
      if (wait != null && wait.alert < 0) {
        wait.alert = e.offset(at);
      }
    } else if (event instanceof ConversationEvent.Acknowledged) {
      if (wait != null && wait.alert >= 0 && wait.alertAnswered < 0) {
        wait.alertAnswered = e.offset(at);
      }
    } else if (event instanceof ConversationEvent.Feedback feedback && e.helpful.isEmpty() && feedback.answer() != null) {
      e.helpful = feedback.answer();
    }
  }
}
