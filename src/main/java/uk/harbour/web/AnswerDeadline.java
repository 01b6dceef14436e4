package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Fails a request with 503 when it has not begun to be answered within the deadline, so a request
 * whose work was lost (a swallowed exception, a queue that never drains) gets an answer and an ERROR
 * line instead of a spinner. Unlike Vert.x Web's {@code TimeoutHandler}, a response already under way
 * is left alone: a page or file reaching a slow phone is not cut off half-way.
 */
public final class AnswerDeadline implements Handler<RoutingContext> {

  /** The failure's status; {@link FailureHandler} answers it as {@code timed_out}. */
  public static final int STATUS = 503;

  private final long millis;

  public AnswerDeadline(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("The deadline must be positive");
    }
    this.millis = millis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long timer =
        ctx.vertx()
            .setTimer(
                millis,
                id -> {
                  if (!ctx.response().headWritten() && !ctx.response().closed() && !ctx.failed()) {
                    if (!ctx.request().isEnded()) {
                      ctx.request().resume(); // a body still arriving must not hold the answer up
                    }
                    ctx.fail(STATUS);
                  }
                });
    ctx.addHeadersEndHandler(v -> ctx.vertx().cancelTimer(timer));
    ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }
}
