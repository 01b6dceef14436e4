package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads request bodies (Vert.x's body handler, up to a limit) and marks a request while its body is
 * arriving. A failure then (a malformed chunk, a client that went away mid-body) is the client's
 * doing, so the failure handler answers 400 when it still can and logs no stack trace.
 */
public final class RequestBodyHandler implements Handler<RoutingContext> {

  private static final String READING = "harbour.readingBody";

  private final BodyHandler bodies;

  public RequestBodyHandler(long limitBytes) {
    this.bodies = BodyHandler.create(false).setBodyLimit(limitBytes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (hasBody(ctx.request())) {
      ctx.put(READING, Boolean.TRUE);
    }
    bodies.handle(ctx);
  }

  /**
   * True when the request failed while its body was still arriving: the body handler passes the
   * request on only once it has ended, so no route of ours had run yet.
   */
  static boolean cutShort(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(READING)) && !ctx.request().isEnded();
  }

  /** The body handler's own test: any other request is passed on at once, before it has ended. */
  private static boolean hasBody(HttpServerRequest request) {
    return request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || contentLength(request) >= 0;
  }

  private static long contentLength(HttpServerRequest request) {
    try {
      String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
      return length == null ? -1 : Long.parseLong(length);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
