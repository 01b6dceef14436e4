package uk.harbour.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.OnCaller;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignOuts;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;

/**
 * One signed-in WebSocket. Owned by the event loop that accepted it: every field is touched only
 * there, results from elsewhere are brought back with {@link #onOwnContext}, and what may be called
 * from elsewhere (writing, closing, answering a failure) hops there through {@link OutboundFrames}.
 */
public final class ChatConnection implements LoopConnections.Member {

  private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);

  public static final short CLOSE_POLICY = 1008;
  public static final short CLOSE_TOO_BIG = 1009;
  public static final int MAX_FRAME_CHARS = 16 * 1024;
  public static final short CLOSE_IDLE = 4000;
  public static final short CLOSE_SLOW_CONSUMER = 4008;
  public static final short CLOSE_TOO_MANY_ERRORS = 4029;

  static final int MAX_PENDING_FRAMES = 1000;
  static final long IDLE_MILLIS = 90_000;
  static final long PING_MILLIS = 30_000;
  private static final long IDLE_NANOS = IDLE_MILLIS * 1_000_000;
  static final int MAX_ERRORS_PER_MINUTE = 30;

  private final Vertx vertx;
  private final Context context;
  private final ServerWebSocket socket;
  private final SignedIn who;
  private final ChatSockets sockets;
  private final OutboundFrames out;
  private final LoopConnections loop;
  /** This person's address: frames for them, their conversation's if a care leaver, sign-outs. */
  private MessageConsumer<String> personal;
  /** Staff only: queue changes and presence. */
  private MessageConsumer<String> staffFeed;
  /** Staff only: a young person's connection follows nothing. */
  private final FollowedConversations followed;
  private final TokenBucket frameLimit;
  private final ClientFrameHandler handler;
  /**
   * When a frame or pong last came, by {@link System#nanoTime()}: whether a socket is alive is a
   * matter of elapsed time, not of the service's clock, which tests move by hours (every quiet
   * socket was closed as idle at the next ping) and a corrected wall clock can step.
   */
  private long lastHeard;
  private int errors;
  private long errorWindowStart;
  private boolean closed;

  ChatConnection(Vertx vertx, ServerWebSocket socket, SignedIn who, ChatSockets sockets, LoopConnections loop) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.who = who;
    this.sockets = sockets;
    this.loop = loop;
    this.out = new OutboundFrames(context, socket, MAX_PENDING_FRAMES, () -> close(CLOSE_SLOW_CONSUMER, "Too far behind; reconnect and resume"));
    // Generous per connection (Harbour's pages send one message per conversation at a time, but
    // other clients may flush a backlog at once); the per-account limit is what protects the store.
    this.frameLimit = new TokenBucket(Math.max(200, sockets.accountBurst()), 1200 / 60_000.0, sockets.clock().millis());
    this.lastHeard = System.nanoTime();
    this.followed = who.role().isStaff() ? new FollowedConversations(vertx.eventBus(), who, sockets.chat()::peek, this::write) : null;
    this.handler = new ClientFrameHandler(who, sockets, this);
  }

  void start() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(b -> error("bad_frame", "Send text frames only.", null));
    socket.pongHandler(b -> lastHeard = System.nanoTime());
    socket.exceptionHandler(e -> LOG.debug("WebSocket error for a {} connection", who.role(), e));
    socket.closeHandler(v -> cleanUp());
    loop.add(this);
    // One consumer for everything addressed to this person: each consumer costs about 0.3 KB.
    personal = vertx.eventBus().consumer(ChatAddresses.user(who.id()), message -> onPersonal(message.body()));
    if (who.role().isStaff()) {
      staffFeed = vertx.eventBus().consumer(ChatAddresses.STAFF, message -> write(StaffFeed.frameFor(who, message, sockets.chat()::peek)));
      sockets.presence().connected(who);
    }
    welcome();
  }

  private void welcome() {
    Future<JsonObject> conversation =
        who.role() == Role.CARE_LEAVER
            ? sockets.chat().conversation(who.id()).map(ServerFrames::careLeaverView).recover(e -> Future.succeededFuture(null))
            : Future.succeededFuture(null);
    // A care leaver's view reads their conversation, so it comes once that is loaded; staff get the
    // shift with every adviser (for Transfer) read afresh.
    Future<JsonObject> onCall =
        who.role() == Role.CARE_LEAVER
            ? conversation.map(c -> sockets.onCall().now(who))
            : sockets.onCall().fresh(who).recover(e -> Future.succeededFuture(null));
    onOwnContext(onCall).onComplete(r -> write(ServerFrames.welcome(who, conversation.result(), r.succeeded() ? r.result() : null)));
  }

  private void onText(String text) {
    lastHeard = System.nanoTime();
    if (text.length() > MAX_FRAME_CHARS) {
      close(CLOSE_TOO_BIG, "Frame too large");
      return;
    }
    ClientFrame frame = null;
    HarbourException refused = null;
    try {
      frame = FrameParser.parse(text);
    } catch (HarbourException e) {
      refused = e;
    }
    // Every frame counts, resends and bad frames too; it is read first only so the answer can name it.
    long wait = frameLimit.take(sockets.clock().millis());
    if (wait > 0) {
      error("rate_limited", "Slow down a little, then try again.", frame == null ? null : frame.ref(), wait);
      return;
    }
    if (refused != null) {
      error(refused.code(), refused.getMessage(), refused instanceof FrameParser.Refused named ? named.ref() : null);
      return;
    }
    try {
      frame.accept(handler);
    } catch (HarbourException e) {
      error(e.code(), e.getMessage(), frame.ref());
    }
  }

  /** Live frames for a conversation this staff member opened or wrote to (docs: "What staff receive"). */
  void follow(String conversationId) {
    out.run(
        () -> {
          if (!closed && followed != null) {
            followed.follow(conversationId);
          }
        });
  }

  /** A frame for this person, or the sign-out identity announces on the same address. */
  private void onPersonal(String body) {
    if (SignOuts.SIGNED_OUT.equals(body)) {
      close(CLOSE_POLICY, "Signed out");
    } else {
      write(body);
    }
  }

  /** Writes a frame from any thread, in order, or queues it while the socket is backed up; too far behind and it is closed. */
  void write(String frame) {
    out.write(frame);
  }

  /** Writes a frame; the future completes once nothing is queued and the socket can take more. */
  Future<Void> writeWhenReady(String frame) {
    return out.writeWhenReady(frame);
  }

  /** Answers a frame that failed with an {@code error} frame naming it ({@code ref}). */
  void failure(Throwable e, String ref) {
    out.run(() -> answer(e, ref));
  }

  private void answer(Throwable e, String ref) {
    if (e instanceof RateLimitedException limited) {
      error(limited.code(), limited.getMessage(), ref, limited.retryAfterMs());
    } else if (e instanceof HarbourException harbour) {
      error(harbour.code(), harbour.getMessage(), ref);
    } else {
      LOG.error("Chat frame failed", e);
      error("internal_error", "Something went wrong on our side. Please try again.", ref);
    }
  }

  private void error(String code, String message, String ref) {
    error(code, message, ref, 0);
  }

  private void error(String code, String message, String ref, long retryAfterMs) {
    long now = sockets.clock().millis();
    if (now - errorWindowStart > 60_000) {
      errorWindowStart = now;
      errors = 0;
    }
    // Being told to slow down is not misbehaving; only other errors count towards closing.
    if (!"rate_limited".equals(code) && ++errors > MAX_ERRORS_PER_MINUTE) {
      close(CLOSE_TOO_MANY_ERRORS, "Too many bad frames");
      return;
    }
    write(ServerFrames.error(code, message, ref, retryAfterMs));
  }

  @Override
  public void checkIdle() {
    if (System.nanoTime() - lastHeard > IDLE_NANOS) {
      close(CLOSE_IDLE, "Idle");
    } else if (!closed) {
      socket.writePing(io.vertx.core.buffer.Buffer.buffer("h"));
    }
  }

  void close(short code, String reason) {
    out.run(
        () -> {
          if (!closed) {
            socket.close(code, reason);
            cleanUp();
          }
        });
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    loop.remove(this);
    if (personal != null) {
      personal.unregister();
    }
    if (staffFeed != null) {
      staffFeed.unregister();
    }
    if (followed != null) {
      followed.clear();
    }
    out.stop();
    handler.close();
    if (who.role().isStaff()) {
      sockets.presence().disconnected(who);
    }
  }

  /** Brings a result back to this connection's event loop before it touches any field. */
  <T> Future<T> onOwnContext(Future<T> future) {
    return OnCaller.on(context, future);
  }

  @Override
  public ServerWebSocket socket() {
    return socket;
  }

  /** The event loop that owns this connection. */
  Context context() {
    return context;
  }
}
