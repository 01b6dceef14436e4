package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change of a conversation's state carried by a system or alert message, so the conversation is
 * the fold of its messages. Stored and sent as JSON with a {@code type} ({@link
 * ConversationEventJson}); docs/routing.md lists them. Fields are nullable because events stored
 * by earlier versions may lack some; a null field is left out of the JSON.
 */
public sealed interface ConversationEvent {

  /** The name in the JSON's {@code type}. */
  String type();

  /** {@code reason}: own_pa, on_call or acknowledged. */
  record Assigned(String to, String reason) implements ConversationEvent {
    public String type() {
      return "assigned";
    }
  }

  /** By a staff member ({@code by}) or by routing at a handover ({@code from}, {@code reason}). */
  record Transferred(String to, String by, String from, String reason) implements ConversationEvent {
    public String type() {
      return "transferred";
    }

    public static Transferred byStaff(String to, String by) {
      return new Transferred(to, by, null, null);
    }

    public static Transferred handedOver(String to, String from, String reason) {
      return new Transferred(to, null, from, reason);
    }
  }

  record Unassigned(String from, String reason) implements ConversationEvent {
    public String type() {
      return "unassigned";
    }
  }

  /** A manager or admin gave the young person a new personal adviser ({@code to}), in {@code team}. */
  record PaChanged(String to, String team, String by) implements ConversationEvent {
    public String type() {
      return "pa_changed";
    }
  }

  record Resolved(String by) implements ConversationEvent {
    public String type() {
      return "resolved";
    }
  }

  /** {@code priority}: normal or urgent. */
  record PriorityChanged(String priority, String by) implements ConversationEvent {
    public String type() {
      return "priority";
    }
  }

  /**
   * A rung of the escalation ladder reached; a missing level means one above the last. {@code
   * cause} is {@code risk} for the alert risk in the young person's words brings at once, null for
   * a wait past the SLA.
   */
  record Escalated(Integer level, List<String> rungs, List<String> to, Long waitedMinutes, String cause) implements ConversationEvent {
    public Escalated {
      rungs = rungs == null ? null : List.copyOf(rungs);
      to = to == null ? null : List.copyOf(to);
    }

    public Escalated(Integer level, List<String> rungs, List<String> to, Long waitedMinutes) {
      this(level, rungs, to, waitedMinutes, null);
    }

    public String type() {
      return "escalated";
    }
  }

  /**
   * An alert nobody it went to confirmed receiving ({@code alertSeq}, the {@code from} who had
   * Harbour open) passed on to {@code to}: they are told of the wait as if named in it, so they
   * may open the conversation and their consoles show the alert again after reconnecting. Not a
   * rung: the ladder's level and its repeats go on from the alert itself.
   */
  record AlertPassedOn(Long alertSeq, List<String> from, List<String> to) implements ConversationEvent {
    public AlertPassedOn {
      from = from == null ? null : List.copyOf(from);
      to = to == null ? null : List.copyOf(to);
    }

    public String type() {
      return "alert_passed_on";
    }
  }

  record Acknowledged(String by) implements ConversationEvent {
    public String type() {
      return "acknowledged";
    }
  }

  /**
   * The own PA's next-day item for the out-of-hours stretch [from, until); {@code toManagers} when
   * the PA's account was disabled, so the managers it went to ({@code readers}: null in items from
   * before they were named) see it and may open the conversation and pick it up.
   */
  record PaHandover(String to, Instant from, Instant until, Long messagesFromCareLeaver, List<String> cards, String priority, Integer escalationLevel,
      Boolean toManagers, List<String> readers)
      implements ConversationEvent {
    public PaHandover {
      cards = cards == null ? null : List.copyOf(cards);
      readers = readers == null ? null : List.copyOf(readers);
    }

    public PaHandover(String to, Instant from, Instant until, Long messagesFromCareLeaver, List<String> cards, String priority, Integer escalationLevel,
        Boolean toManagers) {
      this(to, from, until, messagesFromCareLeaver, cards, priority, escalationLevel, toManagers, null);
    }

    public String type() {
      return "pa_handover";
    }
  }

  record HandoverDone(String by) implements ConversationEvent {
    public String type() {
      return "handover_done";
    }
  }

  /** {@code reason}: nobody_on_shift or everyone_busy; {@code nextStaffedAt} null when unknown. */
  record AutoReply(String reason, Instant nextStaffedAt) implements ConversationEvent {
    public String type() {
      return "auto_reply";
    }
  }

  /**
   * Risk noticed in the young person's words ({@code by}: {@code harbour}, the risk check) or
   * raised by a member of staff with a {@code reason}. {@code categories} and {@code severity} are
   * the safety check's ids; {@code rules} the lexicon rules that matched (never the words).
   */
  record RiskFlagged(List<String> categories, String severity, String by, String reason, List<String> rules) implements ConversationEvent {
    public RiskFlagged {
      categories = categories == null ? null : List.copyOf(categories);
      rules = rules == null ? null : List.copyOf(rules);
    }

    public String type() {
      return "risk_flagged";
    }
  }

  /** A member of staff cleared the conversation's risk flag, with a {@code reason}. */
  record RiskCleared(String by, String reason) implements ConversationEvent {
    public String type() {
      return "risk_cleared";
    }
  }

  /** The kind line sent with crisis help when risk was noticed; once per episode. */
  record SafetyReply(List<String> categories) implements ConversationEvent {
    public SafetyReply {
      categories = categories == null ? null : List.copyOf(categories);
    }

    public String type() {
      return "safety_reply";
    }
  }

  /**
   * The young person's answer to "Was this helpful?" after an episode was resolved: {@code answer}
   * is yes, not_really or skip (docs/reports.md). Stored in the episode it answers.
   */
  record Feedback(String answer) implements ConversationEvent {
    public String type() {
      return "feedback";
    }
  }

  /** An event this version does not know (a newer one wrote it): kept as it was, and ignored by the fold. */
  record Unknown(JsonObject json) implements ConversationEvent {
    public Unknown {
      json = Objects.requireNonNull(json).copy();
    }

    @Override
    public JsonObject json() {
      return json.copy();
    }

    public String type() {
      return json.getValue("type") instanceof String type ? type : "";
    }
  }
}
