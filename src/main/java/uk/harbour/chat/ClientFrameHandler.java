package uk.harbour.chat;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;

/**
 * What each client frame does, one method per frame type, for one connection. Checks that are
 * the frame's own (whose conversation, staff only) throw a {@link HarbourException} at once;
 * everything after that answers through the connection, on its own event loop.
 */
final class ClientFrameHandler implements ClientFrame.Visitor {

  /** Typing frames closer together than this are dropped: the other side shows "typing" for a while anyway. */
  private static final long TYPING_EVERY_MS = 2000;

  private final SignedIn who;
  private final ChatSockets sockets;
  private final ChatConnection connection;
  /** One resume per conversation at a time: a repeated resume replaces the one under way. */
  private final Map<String, ResumeStream> resuming = new HashMap<>();
  private long lastTyping;

  ClientFrameHandler(SignedIn who, ChatSockets sockets, ChatConnection connection) {
    this.who = who;
    this.sockets = sockets;
    this.connection = connection;
  }

  @Override
  public void onSend(ClientFrame.Send frame) {
    String conversationId = conversationOf(frame.conversationId());
    if (who.role().isStaff()) {
      connection.follow(conversationId);
    }
    SendCommand command = new SendCommand(conversationId, frame.clientId(), frame.text(), frame.kind());
    connection.onOwnContext(sockets.chat().send(who, command, sockets.accountLimit()))
        .onSuccess(m -> connection.write(ServerFrames.ack(frame.clientId(), m)))
        .onFailure(e -> connection.failure(e, frame.clientId()));
  }

  @Override
  public void onResume(ClientFrame.Resume frame) {
    String conversationId = conversationOf(frame.conversationId());
    connection.onOwnContext(sockets.chat().readable(who, conversationId))
        .compose(
            conv -> {
              if (who.role().isStaff()) {
                connection.follow(conversationId);
                sockets.viewed(who, conversationId);
              }
              ResumeStream stream =
                  new ResumeStream(
                      connection.context(),
                      conversationId,
                      conv.lastSeq(),
                      ChatService.PAGE,
                      (after, through) -> connection.onOwnContext(sockets.chat().resume(who, conversationId, after, through)),
                      connection::writeWhenReady,
                      conv::lastSeq);
              Optional.ofNullable(resuming.put(conversationId, stream)).ifPresent(ResumeStream::cancel);
              return stream.from(frame.afterSeq()).onComplete(r -> resuming.remove(conversationId, stream));
            })
        .onFailure(e -> connection.failure(e, "resume"));
  }

  @Override
  public void onHistory(ClientFrame.History frame) {
    String conversationId = conversationOf(frame.conversationId());
    connection.onOwnContext(sockets.chat().readable(who, conversationId))
        .compose(
            conv -> {
              if (who.role().isStaff()) {
                sockets.viewed(who, conversationId);
              }
              return connection.onOwnContext(sockets.chat().history(who, conversationId, frame.beforeSeq(), frame.limit()))
                  .map(page -> ServerFrames.history(conversationId, page, page.isEmpty() || page.get(0).seq() <= 1, conv.lastSeq()));
            })
        .onSuccess(connection::write)
        .onFailure(e -> connection.failure(e, "history"));
  }

  @Override
  public void onTyping(ClientFrame.Typing frame) {
    String conversationId = conversationOf(frame.conversationId());
    long now = sockets.clock().millis();
    if (now - lastTyping < TYPING_EVERY_MS) {
      return;
    }
    lastTyping = now;
    connection.onOwnContext(sockets.chat().readable(who, conversationId))
        .onSuccess(conv -> sockets.delivery().typing(conversationId, who.role(), who.displayName()))
        .onFailure(e -> connection.failure(e, "typing"));
  }

  @Override
  public void onRead(ClientFrame.Read frame) {
    connection.onOwnContext(sockets.chat().markRead(who, conversationOf(frame.conversationId()), frame.seq()))
        .onFailure(e -> connection.failure(e, "read"));
  }

  @Override
  public void onPresence(ClientFrame.Presence frame) {
    staffOnly();
    sockets.presence().set(who, frame.status());
  }

  @Override
  public void onTransfer(ClientFrame.Transfer frame) {
    staffOnly();
    connection.onOwnContext(sockets.staff().find(frame.to()))
        .compose(
            found -> {
              if (found.isEmpty() || !found.get().active() || found.get().role() != Role.ADVISER) {
                return Future.failedFuture(HarbourException.badRequest("not_found", "There is no active adviser with that username."));
              }
              return connection.onOwnContext(
                  sockets.staffActions().transfer(who, frame.conversationId(), found.get().username(), found.get().displayName(), frame.note()));
            })
        .onFailure(e -> connection.failure(e, "transfer"));
  }

  @Override
  public void onResolve(ClientFrame.Resolve frame) {
    staffOnly();
    connection.onOwnContext(sockets.staffActions().resolve(who, frame.conversationId())).onFailure(e -> connection.failure(e, "resolve"));
  }

  @Override
  public void onPriority(ClientFrame.Priority frame) {
    staffOnly();
    connection.onOwnContext(sockets.staffActions().prioritise(who, frame.conversationId(), frame.priority()))
        .onFailure(e -> connection.failure(e, "priority"));
  }

  @Override
  public void onRisk(ClientFrame.Risk frame) {
    staffOnly();
    connection.onOwnContext(sockets.staffActions().risk(who, frame)).onFailure(e -> connection.failure(e, "risk"));
  }

  @Override
  public void onAcknowledge(ClientFrame.Acknowledge frame) {
    staffOnly();
    connection.onOwnContext(sockets.staffActions().acknowledge(who, frame.conversationId())).onFailure(e -> connection.failure(e, "acknowledge"));
  }

  @Override
  public void onQueue(ClientFrame.Queue frame) {
    staffOnly();
    connection.write(ServerFrames.queue(sockets.chat().queue(who)));
  }

  @Override
  public void onAlertReceived(ClientFrame.AlertReceived frame) {
    staffOnly();
    sockets.delivery().alertReceived(frame.conversationId(), frame.seq(), who.id());
  }

  @Override
  public void onFeedback(ClientFrame.Feedback frame) {
    if (who.role() != Role.CARE_LEAVER) {
      throw HarbourException.forbidden("Only the young person answers that question.");
    }
    connection.onOwnContext(new EpisodeFeedback(sockets.chat(), sockets.clock()).answer(who, frame.episode(), frame.answer()))
        .onFailure(e -> connection.failure(e, "feedback"));
  }

  /** Stops every resume under way: the connection has closed. */
  void close() {
    resuming.values().forEach(ResumeStream::cancel);
    resuming.clear();
  }

  /** A care leaver's frames are about their own conversation; staff must name one. */
  private String conversationOf(Optional<String> requested) {
    if (who.role() == Role.CARE_LEAVER) {
      if (requested.isPresent() && !requested.get().equals(who.id())) {
        throw HarbourException.forbidden("That conversation is not yours.");
      }
      return who.id();
    }
    return requested.orElseThrow(() -> HarbourException.badRequest("missing_field", "'conversationId' is required."));
  }

  private void staffOnly() {
    if (!who.role().isStaff()) {
      throw HarbourException.forbidden("Only staff can do that.");
    }
  }
}
