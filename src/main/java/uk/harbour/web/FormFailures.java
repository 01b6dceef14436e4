package uk.harbour.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * How a form page answers a failed action: a {@link HarbourException} shows the page again with its
 * plain-English message and status; anything else goes to the failure handler.
 */
public final class FormFailures {

  private FormFailures() {}

  /** {@code reshow} receives the status and the model with {@code error} set. */
  public static void reshow(RoutingContext ctx, Throwable failure, JsonObject model, BiConsumer<Integer, JsonObject> reshow) {
    if (failure instanceof HarbourException error) {
      if (error instanceof RetryLater later) {
        ctx.response().putHeader("Retry-After", String.valueOf(later.retryAfterSeconds()));
      }
      if (error instanceof FieldErrors fields) {
        model.put("errors", fields.summary()).put("fieldErrors", fields.byField());
      }
      reshow.accept(error.status(), model.put("error", error.getMessage()));
    } else {
      ctx.fail(failure);
    }
  }
}
