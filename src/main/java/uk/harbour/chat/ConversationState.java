package uk.harbour.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A conversation's whole folded state at one moment, as the repository keeps it between restarts:
 * {@link Conversation#state()} takes it, {@link Conversation#restore} continues the fold from it.
 * Immutable, so a snapshot can be written while the conversation moves on.
 */
public record ConversationState(
    String id,
    String careLeaverName,
    String paUsername,
    String team,
    ConversationStatus status,
    String priority,
    String assignedTo,
    int episode,
    long lastSeq,
    Instant waitingSince,
    Instant lastMessageAt,
    Instant lastCareLeaverMessageAt,
    Instant lastStaffMessageAt,
    Instant episodeStartedAt,
    Instant firstResponseAt,
    long unreadForStaff,
    long staffReadSeq,
    long careLeaverReadSeq,
    long lastCareLeaverSeq,
    long responses,
    long totalResponseMillis,
    long maxResponseMillis,
    Routing routing,
    Risk risk,
    String preview) {

  /**
   * The safeguarding part of the fold (see {@link RiskState}): {@code categories} empty when not
   * flagged; {@code repliedEpisode} the episode the kind line with crisis help went out in (0: never).
   */
  public record Risk(List<String> categories, String severity, Instant since, String flaggedBy, int repliedEpisode) {

    public static final Risk NONE = new Risk(List.of(), null, null, null, 0);

    public Risk {
      categories = List.copyOf(categories);
    }

    public boolean flagged() {
      return !categories.isEmpty();
    }
  }

  /** The routing part of the fold (see {@link RoutingState}). */
  public record Routing(
      Instant assignedAt,
      int escalationLevel,
      Instant escalatedAt,
      List<String> escalatedTo,
      List<String> alertedThisEpisode,
      String acknowledgedBy,
      Instant acknowledgedAt,
      int autoRepliedEpisode,
      String lastNote,
      String lastNoteBy,
      Instant paHandoverAt,
      boolean paHandoverPending,
      boolean paHandoverToManagers,
      boolean heldForNextEpisode) {

    public Routing {
      escalatedTo = List.copyOf(escalatedTo);
      alertedThisEpisode = List.copyOf(alertedThisEpisode);
    }
  }

  public ConversationState {
    Objects.requireNonNull(id);
    Objects.requireNonNull(status);
    Objects.requireNonNull(priority);
    Objects.requireNonNull(routing);
    Objects.requireNonNull(risk);
  }
}
