package uk.harbour.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads fields of a posted HTML form with the same limits and error codes as {@link JsonInput}. */
public final class FormInput {

  private final RoutingContext ctx;

  private FormInput(RoutingContext ctx) {
    this.ctx = ctx;
  }

  public static FormInput of(RoutingContext ctx) {
    return new FormInput(ctx);
  }

  public Optional<String> optional(String field, int maxLength) {
    String value = ctx.request().getFormAttribute(field);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw HarbourException.badRequest("too_long", "That " + field + " is too long (at most " + maxLength + " characters).");
    }
    return Optional.of(trimmed);
  }

  public String required(String field, int maxLength, String label) {
    return optional(field, maxLength).orElseThrow(() -> HarbourException.badRequest("missing_field", "Enter " + label + "."));
  }

  /** Secrets exactly as typed. */
  public String secret(String field, int maxLength, String label) {
    String value = ctx.request().getFormAttribute(field);
    if (value == null || value.isEmpty()) {
      throw HarbourException.badRequest("missing_field", "Enter " + label + ".");
    }
    if (value.length() > maxLength) {
      throw HarbourException.badRequest("too_long", "That is too long.");
    }
    return value;
  }
}
