package uk.harbour.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import uk.harbour.identity.Role;
import uk.harbour.web.VisibleText;

/**
 * A care leaver's one conversation, as the fold of its messages, with its parts: the read marks,
 * the response times that reports read (so reports never scan messages), routing's and safeguarding's. Mutable, but changed only inside that
 * conversation's own ordered chain ({@link ConversationLog}); others read it. Its stored form is
 * {@link ConversationState}.
 */
public final class Conversation {

  /** The queue's one-line preview of the newest words (docs/chat-protocol.md, {@code preview}). */
  public static final int PREVIEW_CHARACTERS = 80;

  private final String id;
  private final String careLeaverName;
  private String paUsername;
  private String team;
  private ConversationStatus status = ConversationStatus.RESOLVED;
  private String priority = "normal";
  private String assignedTo;
  private int episode;
  private long lastSeq;
  private Instant waitingSince;
  private Instant lastMessageAt;
  private Instant lastCareLeaverMessageAt;
  private Instant lastStaffMessageAt;
  private String preview;
  private final ReadMarks reads = new ReadMarks();
  private final ResponseTimes times = new ResponseTimes();
  private final RoutingState routing = new RoutingState();
  private final RiskState risk = new RiskState();

  public Conversation(String id, String careLeaverName, String paUsername, String team) {
    this.id = Objects.requireNonNull(id);
    this.careLeaverName = careLeaverName;
    this.paUsername = paUsername;
    this.team = team;
  }

  /** The episode a new message from this sender belongs to: a care leaver reopens a resolved one. */
  public int episodeFor(Role senderRole) {
    return senderRole == Role.CARE_LEAVER && status == ConversationStatus.RESOLVED ? episode + 1 : Math.max(episode, 1);
  }

  /** Folds one stored message into the state. Replaying the same messages gives the same state. */
  public void apply(Message message) {
    if (message.seq() <= lastSeq) {
      return;
    }
    lastSeq = message.seq();
    lastMessageAt = message.createdAt();
    if (message.episode() > episode) {
      episode = message.episode();
      times.episodeStarted(message.createdAt());
      // Routing chooses afresh, unless staff handed the resolved conversation to someone for it.
      if (!routing.heldForNextEpisode) {
        assignedTo = null;
        routing.assignedAt = null;
      }
      status = ConversationStatus.WAITING;
      routing.episodeStarted();
    }
    switch (message.kind()) {
      case TEXT, CARD -> {
        if (message.kind() == MessageKind.TEXT && message.text() != null && message.senderRole() != null) {
          preview = VisibleText.oneLine(message.text(), PREVIEW_CHARACTERS);
        }
        if (message.fromCareLeaver()) {
          careLeaverMessage(message);
        } else if (message.senderRole() != null) {
          staffReply(message);
        }
        // A card Harbour itself sends (with the auto-reply) answers nobody.
      }
      case SYSTEM, ALERT -> {
        if (message.event() != null) {
          systemEvent(message.event());
          routing.apply(message.event(), message.createdAt());
          risk.apply(message.event(), message.createdAt(), episode);
        }
      }
      case NOTE -> {
        routing.lastNote = message.text();
        routing.lastNoteBy = message.senderId();
      }
      case AUTO_REPLY -> routing.autoRepliedEpisode = episode;
    }
  }

  private void careLeaverMessage(Message message) {
    if (waitingSince == null) {
      waitingSince = message.createdAt();
      routing.waitEnded();
    }
    if (status != ConversationStatus.ACTIVE) {
      status = ConversationStatus.WAITING;
    }
    lastCareLeaverMessageAt = message.createdAt();
    reads.careLeaverWrote(message.seq());
  }

  private void staffReply(Message message) {
    times.replied(waitingSince, message.createdAt());
    waitingSince = null;
    routing.waitEnded();
    if (assignedTo == null) {
      assignedTo = message.senderId();
      routing.assignedAt = message.createdAt();
    }
    status = ConversationStatus.ACTIVE;
    lastStaffMessageAt = message.createdAt();
    reads.staffReplied(message.seq());
  }

  private void systemEvent(ConversationEvent event) {
    if (event instanceof ConversationEvent.Assigned assigned) {
      assignedTo = assigned.to();
    } else if (event instanceof ConversationEvent.Transferred transferred) {
      assignedTo = transferred.to();
      routing.heldForNextEpisode = status == ConversationStatus.RESOLVED;
    } else if (event instanceof ConversationEvent.Unassigned) {
      assignedTo = null;
    } else if (event instanceof ConversationEvent.PaChanged changed) {
      follow(changed.to(), changed.team());
    } else if (event instanceof ConversationEvent.Resolved) {
      status = ConversationStatus.RESOLVED;
      waitingSince = null;
      reads.resolved();
      routing.waitEnded();
    } else if (event instanceof ConversationEvent.PriorityChanged changed && changed.priority() != null) {
      priority = changed.priority();
    }
    // Other events are routing's (below); unknown ones from a newer version are kept in history and ignored.
  }

  /**
   * The young person's PA and team as their record has them. Only for a conversation with nothing
   * stored yet, whose state is its record's ({@link RecordedConversations}); later changes are folded from
   * {@link ConversationEvent.PaChanged}.
   */
  void follow(String paUsername, String team) {
    this.paUsername = paUsername;
    this.team = team;
  }

  public void markReadByStaff(long seq) {
    reads.readByStaff(seq, lastSeq);
  }

  /**
   * Whether the young person's newest message is one no member of staff has seen yet: not read on
   * a console (a {@code read} frame) and not replied to.
   */
  public boolean unseenByStaff() {
    return reads.unseenByStaff();
  }

  public void markReadByCareLeaver(long seq) {
    reads.readByCareLeaver(seq, lastSeq);
  }

  public String id() {
    return id;
  }

  public String careLeaverName() {
    return careLeaverName;
  }

  public String paUsername() {
    return paUsername;
  }

  public String team() {
    return team;
  }

  public ConversationStatus status() {
    return status;
  }

  public String priority() {
    return priority;
  }

  public String assignedTo() {
    return assignedTo;
  }

  public int episode() {
    return episode;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public Instant waitingSince() {
    return waitingSince;
  }

  /**
   * The young person has written and nobody on staff has answered yet, whoever has the
   * conversation: an assigned, already answered conversation waits again at their next message.
   */
  public boolean awaitingReply() {
    return status != ConversationStatus.RESOLVED && waitingSince != null;
  }

  public Instant lastMessageAt() {
    return lastMessageAt;
  }

  public long staffReadSeq() {
    return reads.staffReadSeq;
  }

  public long careLeaverReadSeq() {
    return reads.careLeaverReadSeq;
  }

  public long unreadForStaff() {
    return reads.unreadForStaff;
  }

  public long responses() {
    return times.responses;
  }

  public long totalResponseMillis() {
    return times.totalMillis;
  }

  public Instant lastCareLeaverMessageAt() {
    return lastCareLeaverMessageAt;
  }

  public Instant lastStaffMessageAt() {
    return lastStaffMessageAt;
  }

  public Instant assignedAt() {
    return routing.assignedAt;
  }

  /** 0 while nobody has been alerted about the current wait; then the ladder rung reached. */
  public int escalationLevel() {
    return routing.escalationLevel;
  }

  public Instant escalatedAt() {
    return routing.escalatedAt;
  }

  public Set<String> escalatedTo() {
    return routing.escalatedTo;
  }

  public Instant episodeStartedAt() {
    return times.episodeStartedAt;
  }

  /** Everyone alerted about a wait of this episode ({@link RoutingState#alertedThisEpisode}). */
  public Set<String> alertedThisEpisode() {
    return routing.alertedThisEpisode;
  }

  public String acknowledgedBy() {
    return routing.acknowledgedBy;
  }

  /** When "I've got this" was said; null when nobody has said it this wait, or before it was kept. */
  public Instant acknowledgedAt() {
    return routing.acknowledgedAt;
  }

  public boolean autoRepliedThisEpisode() {
    return routing.autoRepliedEpisode == episode && episode > 0;
  }

  /**
   * The newest text message's words, from either side, on one line and cut short; null before
   * anyone has written. Notes, cards and Harbour's own messages leave it as it was. Staff only.
   */
  public String preview() {
    return preview;
  }

  /** The last private note, which travels with the conversation at a handover. */
  public String lastNote() {
    return routing.lastNote;
  }

  public String lastNoteBy() {
    return routing.lastNoteBy;
  }

  public Instant paHandoverAt() {
    return routing.paHandoverAt;
  }

  public boolean paHandoverPending() {
    return routing.paHandoverPending;
  }

  public boolean paHandoverToManagers() {
    return routing.paHandoverToManagers;
  }

  /** The risk flag (categories, severity, since, by); {@link ConversationState.Risk#flagged()} says whether there is one. */
  public ConversationState.Risk risk() {
    return risk.state();
  }

  /** Whether a risk check finding these categories at this severity tells staff anything new. */
  public boolean riskAdds(java.util.List<String> categories, String severity) {
    return risk.adds(categories, severity);
  }

  /** Whether the kind line with crisis help went out in this episode. */
  public boolean safetyRepliedThisEpisode() {
    return risk.repliedIn(episode);
  }

  /** The whole state as it is now, for the repository's snapshot. */
  public ConversationState state() {
    return new ConversationState(
        id, careLeaverName, paUsername, team, status, priority, assignedTo, episode, lastSeq, waitingSince, lastMessageAt,
        lastCareLeaverMessageAt, lastStaffMessageAt, times.episodeStartedAt, times.firstResponseAt, reads.unreadForStaff, reads.staffReadSeq,
        reads.careLeaverReadSeq, reads.lastCareLeaverSeq, times.responses, times.totalMillis, times.maxMillis, routing.state(), risk.state(), preview);
  }

  /** A conversation that continues from a snapshot; messages after its {@code lastSeq} are folded on top. */
  public static Conversation restore(ConversationState s) {
    Conversation c = new Conversation(s.id(), s.careLeaverName(), s.paUsername(), s.team());
    c.status = s.status();
    c.priority = s.priority();
    c.assignedTo = s.assignedTo();
    c.episode = s.episode();
    c.lastSeq = s.lastSeq();
    c.waitingSince = s.waitingSince();
    c.lastMessageAt = s.lastMessageAt();
    c.lastCareLeaverMessageAt = s.lastCareLeaverMessageAt();
    c.lastStaffMessageAt = s.lastStaffMessageAt();
    c.preview = s.preview();
    c.reads.restore(s);
    c.times.restore(s);
    c.routing.restore(s.routing());
    c.risk.restore(s.risk());
    return c;
  }
}
