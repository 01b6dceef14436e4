package uk.harbour.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every problem with a posted form at once, each against the field it is about, in the order the
 * fields appear (the GOV.UK error-summary pattern: a summary linking to each field, and the same
 * message beside it). Thrown as one 400 {@code invalid_form}; {@link FormFailures} puts
 * {@code errors} (the summary's list) and {@code fieldErrors} (message by field) on the page model.
 */
public final class FieldErrors extends HarbourException {

  private final Map<String, String> byField;
  private final String[] order;

  private FieldErrors(int status, String code, Map<String, String> byField) {
    super(status, code, String.join(" ", byField.values()));
    this.byField = Map.copyOf(byField);
    this.order = byField.keySet().toArray(String[]::new);
  }

  /** Collects problems; the first message for a field wins. */
  public static final class Builder {
    private final Map<String, String> byField = new LinkedHashMap<>();

    public Builder add(String field, String message) {
      byField.putIfAbsent(field, message);
      return this;
    }

    public boolean isEmpty() {
      return byField.isEmpty();
    }

    /** Throws the collected problems, if there are any. */
    public void throwIfAny() {
      if (!byField.isEmpty()) {
        throw new FieldErrors(400, "invalid_form", byField);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A service's refusal placed against the field it is about; status, code and message stay its own. */
  public static FieldErrors placed(HarbourException refusal, String field) {
    return new FieldErrors(refusal.status(), refusal.code(), Map.of(field, refusal.getMessage()));
  }

  /** The summary's list: {@code [{field, message}]}, in field order. */
  public JsonArray summary() {
    JsonArray list = new JsonArray();
    for (String field : order) {
      list.add(new JsonObject().put("field", field).put("message", byField.get(field)));
    }
    return list;
  }

  public JsonObject byField() {
    JsonObject json = new JsonObject();
    byField.forEach(json::put);
    return json;
  }
}
