package uk.harbour.chat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffRepository;

/** What every chat connection on this node shares. */
public final class ChatSockets {

  /** Told when a staff member opens a conversation, so every staff view is audited. */
  @FunctionalInterface
  public interface ViewAudit {
    void viewed(SignedIn staff, String conversationId);
  }

  private final Vertx vertx;
  private final ChatService chat;
  private final StaffActions staffActions;
  private final ChatDelivery delivery;
  private final StaffPresence presence;
  private final StaffRepository staff;
  private final RateLimiter accountLimit;
  private final int accountBurst;
  private final OnCallInfo onCall;
  private final ViewAudit audit;
  private final Clock clock;

  public ChatSockets(
      Vertx vertx,
      ChatService chat,
      StaffActions staffActions,
      ChatDelivery delivery,
      StaffPresence presence,
      StaffRepository staff,
      RateLimiter accountLimit,
      int accountBurst,
      OnCallInfo onCall,
      ViewAudit audit,
      Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.chat = Objects.requireNonNull(chat);
    this.staffActions = Objects.requireNonNull(staffActions);
    this.delivery = Objects.requireNonNull(delivery);
    this.presence = Objects.requireNonNull(presence);
    this.staff = Objects.requireNonNull(staff);
    this.accountLimit = Objects.requireNonNull(accountLimit);
    this.accountBurst = accountBurst;
    this.onCall = Objects.requireNonNull(onCall);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
  }

  Vertx vertx() {
    return vertx;
  }

  ChatService chat() {
    return chat;
  }

  StaffActions staffActions() {
    return staffActions;
  }

  ChatDelivery delivery() {
    return delivery;
  }

  StaffPresence presence() {
    return presence;
  }

  StaffRepository staff() {
    return staff;
  }

  int accountBurst() {
    return accountBurst;
  }

  RateLimiter accountLimit() {
    return accountLimit;
  }

  OnCallInfo onCall() {
    return onCall;
  }

  Clock clock() {
    return clock;
  }

  void viewed(SignedIn who, String conversationId) {
    audit.viewed(who, conversationId);
  }
}
