package uk.harbour.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import uk.harbour.chat.ConversationSync;
import uk.harbour.chat.PresenceSync;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ChatSockets;
import uk.harbour.chat.ConversationLog;
import uk.harbour.chat.OnCallInfo;
import uk.harbour.chat.RateLimiter;
import uk.harbour.chat.StaffActions;
import uk.harbour.chat.StaffPresence;

/**
 * The chat core: conversations and their ordered chains, sending and reading, delivery over the
 * event bus, staff presence and the per-account message allowance. The sockets come last, once
 * routing can tell them who is on call.
 */
record ChatWiring(
    ConversationLog log, ChatService chat, ChatDelivery delivery, StaffPresence presence, RateLimiter accountLimit,
    ConversationSync sync, Optional<PresenceSync> presenceSync) {

  static ChatWiring build(Vertx vertx, HarbourConfig config, Clock clock, Repositories repos, ClusterNode node) {
    ChatDelivery delivery = new ChatDelivery(vertx);
    ConversationLog log = new ConversationLog(vertx, repos.messages(), repos.conversations(), repos.careLeavers(), repos.activeConversations(), clock);
    // One allowance per account, whether a message comes over the WebSocket or a card over HTTP.
    RateLimiter accountLimit = new RateLimiter(clock, config.chat().burst(), config.chat().messagesPerMinute());
    // Clustered: every node keeps its copies of conversations and presence in step with the others'.
    ConversationSync sync = node.clustered() ? ConversationSync.clustered(vertx.eventBus(), node.id(), log) : ConversationSync.singleNode();
    StaffPresence presence = new StaffPresence(delivery, clock, node.id());
    Optional<PresenceSync> presenceSync = node.clustered() ? Optional.of(new PresenceSync(vertx.eventBus(), node.id(), presence)) : Optional.empty();
    presenceSync.ifPresent(p -> node.onLeft(p::nodeLeft));
    return new ChatWiring(log, new ChatService(log, repos.messages(), delivery, sync, clock), delivery, presence, accountLimit, sync, presenceSync);
  }

  /** Loads the active conversations, then listens to the other nodes (if any). */
  Future<Void> start() {
    return log.start().compose(v -> sync.start()).compose(v -> presenceSync.map(PresenceSync::start).orElse(Future.succeededFuture()));
  }

  ChatSockets sockets(Vertx vertx, HarbourConfig config, Clock clock, Repositories repos, OnCallInfo onCall) {
    AuditLog audit = repos.audit();
    return new ChatSockets(
        vertx, chat, new StaffActions(chat, audit, clock), delivery, presence, repos.staff(), accountLimit, config.chat().burst(), onCall,
        // Every time a member of staff opens a conversation is audited.
        (who, conversationId) -> audit.append(
            new AuditLog.Actor(who.id(), who.role().name(), "-"), AuditAction.CONVERSATION_VIEWED, conversationId, new JsonObject()),
        clock);
  }
}
