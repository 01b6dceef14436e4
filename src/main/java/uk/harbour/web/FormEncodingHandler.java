package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a posted form whose text is not UTF-8 (400 {@code bad_request}) before anything reads
 * its fields, which Vert.x would otherwise decode with U+FFFD in place of the bad bytes. Runs after
 * the body handler, which keeps a url-encoded body's bytes. (Harbour's forms are never multipart.)
 */
public final class FormEncodingHandler implements Handler<RoutingContext> {

  private static final String FORM = "application/x-www-form-urlencoded";

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    boolean form = type != null && type.regionMatches(true, 0, FORM, 0, FORM.length());
    if (form && ctx.body().buffer() != null && !StrictUtf8.formDecodes(ctx.body().buffer())) {
      ctx.fail(HarbourException.badRequest("bad_request", "The form was not sent as UTF-8 text."));
      return;
    }
    ctx.next();
  }
}
