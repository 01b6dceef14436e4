package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status and milliseconds. Never the query string, headers or
 * body, where a person's words or details could be.
 */
public final class RequestLogHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger("harbour.requests");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addBodyEndHandler(
        v ->
            LOG.info(
                "{} {} {} {}ms",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000));
    ctx.next();
  }
}
