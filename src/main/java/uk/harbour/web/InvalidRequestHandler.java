package uk.harbour.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request whose request line or headers could not be read at all (an address over 4,096
 * bytes, headers over 8 KiB, a broken header line), which never reaches the router: the status
 * Vert.x would send, in Harbour's error shape, one log line without a stack trace, and then the
 * connection is closed because what follows on it cannot be trusted.
 */
public final class InvalidRequestHandler implements Handler<HttpServerRequest> {

  /** The request log: such a request is logged where every other one is. */
  private static final Logger LOG = LoggerFactory.getLogger("harbour.requests");

  private final Pages pages;

  public InvalidRequestHandler(Pages pages) {
    this.pages = Objects.requireNonNull(pages);
  }

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    HarbourException error = error(cause);
    // The path is Netty's placeholder "/bad-request" when the request line itself was unreadable.
    String path = request.path();
    String kind = cause == null ? "unknown" : cause.getClass().getSimpleName();
    LOG.info("{} {} {} unreadable request ({})", request.method(), path, error.status(), kind);
    HttpServerResponse response =
        request.response().setStatusCode(error.status()).putHeader("Connection", "close").putHeader("Cache-Control", "no-store");
    SecurityHeadersHandler.apply(response);
    Future<Void> answered =
        FailureHandler.isApi(path)
            ? response.putHeader("Content-Type", "application/json; charset=utf-8").end(FailureHandler.body(error).encode())
            : pages
                .render("error", FailureHandler.pageModel(error))
                .recover(e -> Future.succeededFuture(Buffer.buffer(error.getMessage())))
                .compose(html -> response.putHeader("Content-Type", "text/html; charset=utf-8").end(html));
    answered.onComplete(v -> request.connection().close());
  }

  private static HarbourException error(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return new HarbourException(414, "too_large", "That address is too long.");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new HarbourException(431, "too_large", "The request headers are too large.");
    }
    return HarbourException.badRequest("bad_request", "The request could not be understood.");
  }
}
