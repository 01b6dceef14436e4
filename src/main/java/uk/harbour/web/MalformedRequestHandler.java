package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses, before any route sees it, a request that Vert.x would otherwise trip over deep inside
 * routing or body reading (a 500, or a plain-text 400 and a logged stack trace): a broken {@code %}
 * escape in the path or the query string, or a form body on a method that has none. The failure
 * handler then answers 400 {@code bad_request} in the usual shape, so a route never meets them.
 */
public final class MalformedRequestHandler implements Handler<RoutingContext> {

  /** RFC 3986, 2.1: a {@code %} always starts two hex digits. */
  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /** The methods Vert.x decodes a form body for; any other throws when asked to. */
  private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!pathDecodes(ctx)) {
      ctx.fail(HarbourException.badRequest("bad_request", "The address has a broken % escape."));
    } else if (!queryDecodes(ctx)) {
      ctx.fail(HarbourException.badRequest("bad_request", "The query string has a broken % escape."));
    } else if (formWithoutFormMethod(request)) {
      ctx.fail(HarbourException.badRequest("bad_request", "A form can only be sent with POST, PUT, PATCH or DELETE."));
    } else {
      ctx.next();
    }
  }

  private static boolean pathDecodes(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && BROKEN_ESCAPE.matcher(path).find()) {
      return false;
    }
    try {
      // The router matches every later route against this; it caches it once it decodes.
      ctx.normalizedPath();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Decodes the query now, for both caches routes read it from, so no route meets a bad one. */
  private static boolean queryDecodes(RoutingContext ctx) {
    try {
      ctx.request().params();
      ctx.queryParams();
      return true;
    } catch (IllegalArgumentException | HttpException e) {
      return false;
    }
  }

  private static boolean formWithoutFormMethod(HttpServerRequest request) {
    if (FORM_METHODS.contains(request.method())) {
      return false;
    }
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    boolean form =
        type != null
            && (type.regionMatches(true, 0, "multipart/form-data", 0, 19)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    // Without a body the body handler never decodes, so such a request is harmless.
    boolean body = request.headers().contains(HttpHeaders.CONTENT_LENGTH) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    return form && body;
  }
}
