package uk.harbour.web;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebSockets one HTTP verticle instance accepted. Touched only from that instance's event
 * loop, so it needs no locking; on stop every socket is told the server is going away (1001).
 */
public final class OpenSockets {

  public static final short GOING_AWAY = 1001;

  private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();

  /** The socket's owner removes it when it closes (the socket has a single close handler, the owner's). */
  public void add(ServerWebSocket socket) {
    sockets.add(socket);
  }

  public void remove(ServerWebSocket socket) {
    sockets.remove(socket);
  }

  public int size() {
    return sockets.size();
  }

  public Future<Void> closeAll() {
    List<Future<Void>> closing = new ArrayList<>();
    for (ServerWebSocket socket : List.copyOf(sockets)) {
      closing.add(socket.close(GOING_AWAY, "Harbour is restarting").recover(e -> Future.succeededFuture()));
    }
    return Future.join(closing).mapEmpty();
  }
}
