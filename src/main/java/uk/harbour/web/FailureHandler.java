package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses: JSON {@code {"error":{"code","message"}}} under
 * {@code /api/}, a friendly page elsewhere. Never a stack trace to a client; 5xx are logged with
 * theirs, 4xx without.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private static final long PAGE_RENDER_SECONDS = 5;

  private final Pages pages;

  public FailureHandler(Pages pages) {
    this.pages = Objects.requireNonNull(pages);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HarbourException error = toHarbourException(ctx);
    if (error.code().equals("timed_out")) {
      LOG.error("{} {} not answered within its deadline: the work behind it was lost or is stuck", ctx.request().method(), LoggedPath.of(ctx.request().path()));
    } else if (error.status() >= 500 && !(error instanceof RetryLater)) {
      LOG.error("{} {} failed", ctx.request().method(), LoggedPath.of(ctx.request().path()), ctx.failure());
    } else {
      // Refusals, a busy one (503 with a retry time) included: what refused it logs that once, not per request.
      LOG.debug("{} {} -> {} {}", ctx.request().method(), LoggedPath.of(ctx.request().path()), error.status(), error.code());
    }
    if (ctx.response().closed() || ctx.response().ended()) {
      // The client went away (or the connection failed): nobody is left to answer.
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (error instanceof RetryLater later) {
      ctx.response().putHeader("Retry-After", String.valueOf(later.retryAfterSeconds()));
    }
    if (wantsJson(ctx)) {
      ctx.response()
          .setStatusCode(error.status())
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(body(error).encode());
    } else {
      pages
          .send(ctx, error.status(), "error", pageModel(error))
          // Pages render on the shared worker pool; when that is what is stuck, answer in plain text.
          .timeout(PAGE_RENDER_SECONDS, TimeUnit.SECONDS)
          .onFailure(
              e -> {
                if (ctx.response().closed()) {
                  return; // the client left while the page was rendered
                }
                LOG.error("Could not render the error page", e);
                if (!ctx.response().ended()) {
                  ctx.response().setStatusCode(error.status()).end(error.getMessage());
                }
              });
    }
  }

  public static JsonObject body(HarbourException error) {
    JsonObject body = new JsonObject().put("code", error.code()).put("message", error.getMessage());
    if (error instanceof RetryLater later) {
      body.put("retryAfter", later.retryAfterSeconds());
    }
    return new JsonObject().put("error", body);
  }

  /** The friendly error page's model: a title, the status and the plain-English message. */
  static JsonObject pageModel(HarbourException error) {
    return new JsonObject().put("title", title(error.status())).put("status", error.status()).put("message", error.getMessage());
  }

  static boolean wantsJson(RoutingContext ctx) {
    return isApi(ctx.request().path());
  }

  /** The API answers errors in JSON; every other path is a page. */
  static boolean isApi(String path) {
    return path != null && (path.startsWith("/api/") || path.equals("/api"));
  }

  static HarbourException toHarbourException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof HarbourException harbour) {
      return harbour;
    }
    if (failure instanceof DecodeException) {
      return HarbourException.badRequest("bad_json", "The request body is not valid JSON.");
    }
    // A status given with ctx.fail(status, cause) wins; an unexplained exception is ours: 500.
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : failure instanceof HttpException http ? http.getStatusCode() : 500;
    if (RequestBodyHandler.cutShort(ctx) && (status < 400 || status >= 500)) {
      // A malformed chunk or a client gone mid-body (the body handler passes them on as status 200).
      return HarbourException.badRequest("bad_request", "The request body could not be read.");
    }
    return switch (status) {
      case 400 -> HarbourException.badRequest("bad_request", "The request could not be understood.");
      case 401 -> HarbourException.unauthorized("Please sign in first.");
      case 403 -> HarbourException.forbidden("This was refused. Please reload the page and try again.");
      case 404 -> HarbourException.notFound("We could not find that page.");
      case 405 -> new HarbourException(405, "method_not_allowed", "That action is not allowed here.");
      case 413 -> new HarbourException(413, "too_large", "That was too large to send.");
      case 415 -> new HarbourException(415, "unsupported_media_type", "Send JSON with Content-Type application/json.");
      case 429 -> new HarbourException(429, "too_many_requests", "Too many tries. Please wait a moment.");
      case AnswerDeadline.STATUS -> new HarbourException(503, "timed_out", "That took too long on our side. Please try again.");
      default ->
          status >= 400 && status < 500
              ? new HarbourException(status, "bad_request", "The request could not be completed.")
              : new HarbourException(500, "internal_error", "Something went wrong on our side. Please try again.");
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 401 -> "Please sign in";
      case 403 -> "You can't see this page";
      case 404 -> "Page not found";
      case 429 -> "Please wait a moment";
      default -> status >= 500 ? "Something went wrong" : "We couldn't do that";
    };
  }
}
