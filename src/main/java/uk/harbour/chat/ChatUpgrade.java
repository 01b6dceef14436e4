package uk.harbour.chat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.URI;
import java.util.Objects;
import uk.harbour.identity.Role;
import uk.harbour.identity.SocketAuthenticator;
import uk.harbour.web.OpenSockets;

/**
 * Accepts a WebSocket upgrade on {@code /ws} only from our own pages (Origin), for a signed-in
 * care leaver, adviser or manager; the connection then belongs to this HTTP verticle instance
 * (one instance per event loop, with its {@link LoopConnections}).
 */
public final class ChatUpgrade implements Handler<ServerWebSocketHandshake> {

  private final ChatSockets sockets;
  private final SocketAuthenticator authenticator;
  private final LoopConnections connections;
  private final String allowedOrigin;

  public ChatUpgrade(ChatSockets sockets, SocketAuthenticator authenticator, OpenSockets open, URI publicUrl) {
    this.sockets = Objects.requireNonNull(sockets);
    this.authenticator = Objects.requireNonNull(authenticator);
    this.connections = new LoopConnections(sockets.vertx(), open, ChatConnection.PING_MILLIS);
    this.allowedOrigin = origin(publicUrl);
  }

  @Override
  public void handle(ServerWebSocketHandshake handshake) {
    if (!"/ws".equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    // Cross-site WebSocket hijacking: only our own pages may open a socket with the person's cookies.
    String origin = handshake.headers().get("Origin");
    String sameHost = (handshake.isSsl() ? "https://" : "http://") + handshake.headers().get("Host");
    if (origin == null || !(origin.equalsIgnoreCase(allowedOrigin) || origin.equalsIgnoreCase(sameHost))) {
      handshake.reject(403);
      return;
    }
    Vertx vertx = sockets.vertx();
    // The answer (101 or a refusal) is written from the handshake's own event loop: in strict thread
    // mode a response written from any other thread throws, and accepting from another loop would
    // hold that loop until this one has swapped the connection's handlers.
    Context own = vertx.getOrCreateContext();
    authenticator
        .authenticate(handshake.headers())
        .transform(signedIn -> backOn(own, signedIn))
        .onSuccess(
            who -> {
              if (who.isEmpty()) {
                handshake.reject(401);
              } else if (who.get().role() == Role.ADMIN) {
                handshake.reject(403);
              } else {
                handshake
                    .accept()
                    .onSuccess(
                        socket -> new ChatConnection(vertx, socket, who.get(), sockets, connections).start());
              }
            })
        .onFailure(e -> handshake.reject(500));
  }

  private static <T> Future<T> backOn(Context context, AsyncResult<T> result) {
    Promise<T> answered = Promise.promise();
    context.runOnContext(v -> answered.handle(result));
    return answered.future();
  }

  static String origin(URI url) {
    int port = url.getPort();
    boolean defaultPort = port == -1 || (port == 80 && "http".equals(url.getScheme())) || (port == 443 && "https".equals(url.getScheme()));
    return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
  }
}
