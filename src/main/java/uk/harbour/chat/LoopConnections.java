package uk.harbour.chat;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.harbour.web.OpenSockets;

/**
 * The chat connections one HTTP verticle instance accepted, all on its event loop (touched only
 * there). One periodic timer checks them all every {@link ChatConnection#PING_MILLIS}: each
 * pings its client or closes if idle. A timer per connection cost about 0.2 KB of heap each.
 * Also keeps the instance's {@link OpenSockets} in step, so a closed socket is forgotten.
 */
final class LoopConnections {

  /** What the timer checks. */
  interface Member {
    ServerWebSocket socket();

    /** Pings the client, or closes the connection if it has been idle too long. */
    void checkIdle();
  }

  private final Vertx vertx;
  private final OpenSockets open;
  private final long everyMillis;
  private final Set<Member> members = new HashSet<>();
  private long timer = -1;

  LoopConnections(Vertx vertx, OpenSockets open, long everyMillis) {
    this.vertx = Objects.requireNonNull(vertx);
    this.open = Objects.requireNonNull(open);
    this.everyMillis = everyMillis;
  }

  void add(Member member) {
    members.add(member);
    open.add(member.socket());
    // Started on the first connection, from the verticle's loop: undeploying cancels it.
    if (timer == -1) {
      timer = vertx.setPeriodic(everyMillis, id -> checkAll());
    }
  }

  void remove(Member member) {
    members.remove(member);
    open.remove(member.socket());
  }

  int size() {
    return members.size();
  }

  /** One tick: every connection pings or closes (a close removes it, hence the copy). */
  void checkAll() {
    List.copyOf(members).forEach(Member::checkIdle);
  }
}
