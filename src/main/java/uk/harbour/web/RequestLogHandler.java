package uk.harbour.web;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status and milliseconds, or that no answer could be sent (the
 * client left, or sent a body Netty could not read, and the connection closed). Never the query
 * string, headers or body, where a person's words or details could be, nor an invite link's
 * token ({@link LoggedPath}), nor a stack trace: these failures are the client's doing.
 */
public final class RequestLogHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger("harbour.requests");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    boolean[] logged = {false};
    ctx.addBodyEndHandler(
        v -> {
          if (!logged[0]) {
            logged[0] = true;
            LOG.info("{} {} {} {}ms", ctx.request().method(), LoggedPath.of(ctx.request().path()), ctx.response().getStatusCode(), millisSince(started));
          }
        });
    ctx.addEndHandler(
        done -> {
          // A form body that does not decode leaves the connection usable: its 400 is logged above.
          if (done.failed() && !(done.cause() instanceof DecoderException) && !logged[0]) {
            logged[0] = true;
            LOG.info("{} {} not answered, connection closed ({}) {}ms", ctx.request().method(), LoggedPath.of(ctx.request().path()), kind(done.cause()), millisSince(started));
          }
        });
    ctx.next();
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** The kind of failure only: an exception's message can quote what the client sent. */
  private static String kind(Throwable cause) {
    return cause == null ? "unknown" : cause.getClass().getSimpleName();
  }
}
