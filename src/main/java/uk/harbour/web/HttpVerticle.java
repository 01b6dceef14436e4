package uk.harbour.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the router to a port; on stop it lets requests in flight finish, then closes. */
public final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  private final String host;
  private final int port;
  private final Supplier<Router> routes;
  private HttpServer server;

  public HttpVerticle(String host, int port, Supplier<Router> routes) {
    this.host = Objects.requireNonNull(host);
    this.port = port;
    this.routes = Objects.requireNonNull(routes);
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createHttpServer(
            new HttpServerOptions().setCompressionSupported(true).setIdleTimeout(120).setIdleTimeoutUnit(TimeUnit.SECONDS));
    return server
        .requestHandler(routes.get())
        .listen(port, host)
        .onSuccess(s -> LOG.info("Listening on {}:{}", host, s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(5, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
