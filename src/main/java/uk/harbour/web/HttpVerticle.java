package uk.harbour.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the router to a port and owns the WebSockets it accepts. On stop it tells every socket the
 * server is going away, lets requests in flight finish, then closes.
 */
public final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  /**
   * The transport's hard limit. The protocol's own 16 KiB limit is checked per message so the
   * client gets a clean 1009 close; anything past this one is dropped at the protocol layer.
   */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  private final String host;
  private final int port;
  private final Supplier<Router> routes;
  private final Handler<HttpServerRequest> invalidRequests;
  private final Function<OpenSockets, Handler<ServerWebSocketHandshake>> upgrades;
  private final OpenSockets sockets = new OpenSockets();
  private HttpServer server;

  public HttpVerticle(
      String host,
      int port,
      Supplier<Router> routes,
      Handler<HttpServerRequest> invalidRequests,
      Function<OpenSockets, Handler<ServerWebSocketHandshake>> upgrades) {
    this.host = Objects.requireNonNull(host);
    this.port = port;
    this.routes = Objects.requireNonNull(routes);
    this.invalidRequests = Objects.requireNonNull(invalidRequests);
    this.upgrades = Objects.requireNonNull(upgrades);
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                .setIdleTimeout(120)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxWebSocketFrameSize(MAX_FRAME_BYTES)
                .setMaxWebSocketMessageSize(MAX_FRAME_BYTES)
                // permessage-deflate (RFC 7692) saves young people's data; the old deflate-frame draft is not offered.
                .setPerFrameWebSocketCompressionSupported(false)
                // Responses, handshake answers and socket frames are only written from their
                // connection's own event loop (chat.OutboundFrames hops the rest there), so a
                // connection needs no outbound queue between threads: Netty gives each such queue a
                // 4 KB array, kept for as long as a WebSocket (whose handshake connection stays
                // reachable) is open. A response written from another thread throws.
                .setStrictThreadMode(true));
    return server
        .connectionHandler(
            connection -> {
              WebSocketFrameGuard.install(connection);
              FlushBatching.install(connection);
            })
        .requestHandler(routes.get())
        .invalidRequestHandler(invalidRequests)
        .webSocketHandshakeHandler(upgrades.apply(sockets))
        .listen(port, host)
        .onSuccess(s -> LOG.info("Listening on {}:{}", host, s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    return sockets.closeAll().compose(v -> server.shutdown(5, TimeUnit.SECONDS));
  }

  public int actualPort() {
    return server.actualPort();
  }
}
