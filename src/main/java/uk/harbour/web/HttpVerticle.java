package uk.harbour.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the router to a port and owns the WebSockets it accepts. On stop it tells every socket the
 * server is going away, lets requests in flight finish, then closes.
 */
public final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  /** The protocol's frame limit; a larger frame closes the socket with 1009. */
  public static final int MAX_FRAME_BYTES = 16 * 1024;

  private final String host;
  private final int port;
  private final Function<OpenSockets, Router> routes;
  private final OpenSockets sockets = new OpenSockets();
  private HttpServer server;

  public HttpVerticle(String host, int port, Function<OpenSockets, Router> routes) {
    this.host = Objects.requireNonNull(host);
    this.port = port;
    this.routes = Objects.requireNonNull(routes);
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
                .setMaxWebSocketMessageSize(MAX_FRAME_BYTES));
    return server
        .requestHandler(routes.apply(sockets))
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
