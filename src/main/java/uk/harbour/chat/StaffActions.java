package uk.harbour.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import uk.harbour.identity.Role;
import uk.harbour.safety.RiskCategory;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccount;
import uk.harbour.web.HarbourException;

/**
 * What staff do to a conversation besides writing in it — transfer, resolve, mark urgent,
 * acknowledge — and the plain-English messages that record each, so the conversation's fold (and
 * a restart) knows. Each is decided inside the conversation's ordered chain where its outcome
 * depends on the state.
 */
public final class StaffActions {

  private final ChatService chat;
  private final AuditLog audit;
  private final Clock clock;

  public StaffActions(ChatService chat, AuditLog audit, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Hands the conversation to another adviser, with an optional private handover note; a resolved
   * one too, so the next message goes to them. Access is checked in the chain, against the state
   * the transfer is stored on, and the note and the transfer are stored together or not at all.
   */
  public Future<Message> transfer(SignedIn staff, String conversationId, String to, String toName, Optional<String> note) {
    return managed(staff, conversationId, conv -> {
      List<Message> out = new ArrayList<>();
      note.ifPresent(text -> out.add(record(conversationId, staff, MessageKind.NOTE, text, null)));
      out.add(record(conversationId, staff, MessageKind.SYSTEM, "You are now talking with " + StaffAccount.firstName(toName) + ".",
          ConversationEvent.Transferred.byStaff(to, staff.id())));
      return out;
    }).map(posted -> posted.get(posted.size() - 1));
  }

  /**
   * A staff member answers an escalation alert ("I have it", which stops the alerts and, for an
   * adviser, takes the conversation) or picks up their next-day handover item.
   */
  public Future<List<Message>> acknowledge(SignedIn staff, String conversationId) {
    return managed(staff, conversationId, conv -> {
      List<Message> out = new ArrayList<>();
      if (conv.escalationLevel() > 0 && conv.acknowledgedBy() == null) {
        out.add(record(conversationId, staff, MessageKind.ALERT, staff.displayName() + " acknowledged the alert.", new ConversationEvent.Acknowledged(staff.id())));
        if (staff.role() == Role.ADVISER && !staff.id().equals(conv.assignedTo())) {
          out.add(record(conversationId, staff, MessageKind.SYSTEM, "You are now talking with " + StaffAccount.firstName(staff.displayName()) + ".",
              new ConversationEvent.Assigned(staff.id(), "acknowledged")));
        }
      }
      if (ChatAccess.handoverFor(staff, conv)) {
        out.add(record(conversationId, staff, MessageKind.ALERT, staff.displayName() + " picked up the handover.", new ConversationEvent.HandoverDone(staff.id())));
      }
      if (out.isEmpty()) {
        throw HarbourException.badRequest("nothing_to_acknowledge", "There is no alert or handover to acknowledge.");
      }
      return out;
    });
  }

  /**
   * Marks a conversation urgent (its waits escalate after the urgent SLA) or normal again. A
   * staff-only record: the young person is not told they were flagged.
   */
  public Future<List<Message>> prioritise(SignedIn staff, String conversationId, String priority) {
    return managed(staff, conversationId, conv -> {
      if (priority.equals(conv.priority())) {
        return List.of();
      }
      return List.of(record(conversationId, staff, MessageKind.ALERT, staff.displayName() + " marked this conversation " + priority + ".",
          new ConversationEvent.PriorityChanged(priority, staff.id())));
    });
  }

  /**
   * Raises a risk flag by hand (the conversation becomes urgent) or clears the flag, each with the
   * staff member's reason: staff-only records, and audited. A flag raised by hand counts as high.
   */
  public Future<List<Message>> risk(SignedIn staff, ClientFrame.Risk frame) {
    return managed(staff, frame.conversationId(), conv -> {
      List<Message> out = new ArrayList<>();
      if (frame.raise()) {
        out.add(record(conv.id(), staff, MessageKind.ALERT, staff.displayName() + " raised a risk flag (" + String.join(", ", frame.categories().stream().map(RiskCategory::wordsFor).toList()) + "): " + frame.reason(),
            new ConversationEvent.RiskFlagged(frame.categories(), "high", staff.id(), frame.reason(), null)));
        if (!"urgent".equals(conv.priority())) {
          out.add(record(conv.id(), staff, MessageKind.ALERT, staff.displayName() + " marked this conversation urgent.",
              new ConversationEvent.PriorityChanged("urgent", staff.id())));
        }
      } else if (conv.risk().flagged()) {
        out.add(record(conv.id(), staff, MessageKind.ALERT, staff.displayName() + " cleared the risk flag: " + frame.reason(),
            new ConversationEvent.RiskCleared(staff.id(), frame.reason())));
      } else {
        throw HarbourException.badRequest("not_flagged", "This conversation has no risk flag to clear.");
      }
      return out;
    }).onSuccess(posted -> audit.append(new AuditLog.Actor(staff.id(), staff.role().name(), "-"),
        frame.raise() ? AuditAction.RISK_RAISED : AuditAction.RISK_CLEARED, frame.conversationId(),
        new JsonObject().put("categories", new JsonArray(frame.categories())).put("reason", frame.reason())));
  }

  /**
   * Closes the episode; the care leaver's next message opens a new one. Decided in the chain, and
   * refused while the young person's newest message is one no member of staff has seen: written
   * while the resolve was on its way (a confirm dialog open), it would otherwise be closed unread,
   * in nobody's queue and never escalated.
   */
  public Future<Message> resolve(SignedIn staff, String conversationId) {
    return managed(staff, conversationId, conv -> {
      if (conv.unseenByStaff()) {
        throw HarbourException.conflict("written_again",
            conv.careLeaverName() + " has written again. Read the new message before resolving.");
      }
      return List.of(record(conversationId, staff, MessageKind.SYSTEM,
          StaffAccount.firstName(staff.displayName()) + " marked this conversation as resolved. Send a message any time to start again.",
          new ConversationEvent.Resolved(staff.id())));
    }).map(posted -> posted.get(0));
  }

  /** Decided in the conversation's chain, on the state it is stored on, by someone who may manage it. */
  private Future<List<Message>> managed(SignedIn staff, String conversationId, Function<Conversation, List<Message>> decide) {
    return chat.postIf(conversationId, conv -> {
      if (!ChatAccess.canManage(staff, conv)) {
        throw ChatService.notYours();
      }
      return decide.apply(conv);
    });
  }

  /** A message by {@code by} recording the action; seq and episode are set when it is stored. */
  private Message record(String conversationId, SignedIn by, MessageKind kind, String text, ConversationEvent event) {
    return new Message(conversationId, 0, 1, kind, text, by.id(), by.role(), by.displayName(), null, clock.instant(), null, event);
  }
}
