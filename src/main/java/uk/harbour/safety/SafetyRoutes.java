package uk.harbour.safety;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.web.JsonInput;

/**
 * {@code POST /api/safety/check}: managers and admins try the risk check on any text, to see what
 * the chat would flag and why, with the guidance for each category. Nothing is stored or logged:
 * the text may be a young person's words. {@code GET /api/safety/guidance}: the guidance for every
 * category, for the console.
 */
public final class SafetyRoutes {

  /** The same limit as a chat message (chat's FrameParser.MAX_TEXT): the check reads what the chat would. */
  public static final int MAX_TEXT = 4000;

  private final Safety safety;

  public SafetyRoutes(Safety safety) {
    this.safety = Objects.requireNonNull(safety);
  }

  public void mount(Router router) {
    router.post("/api/safety/check").handler(RequireRole.of(Role.MANAGER, Role.ADMIN)).handler(this::check);
    // The console shows this beside a flagged conversation; it holds no one's words.
    router.get("/api/safety/guidance").handler(RequireRole.of(Role.ADVISER, Role.MANAGER)).handler(this::guidance);
  }

  private void guidance(RoutingContext ctx) {
    JsonObject all = new JsonObject();
    for (RiskCategory category : RiskCategory.values()) {
      all.put(category.id(), advice(category));
    }
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("categories", all).encode());
  }

  private JsonObject advice(RiskCategory category) {
    SafetyGuidance.Advice advice = safety.guidance().forCategory(category);
    return new JsonObject()
        .put("title", advice.title())
        .put("steps", new JsonArray(advice.steps()))
        .put("cards", new JsonArray(advice.cards()));
  }

  private void check(RoutingContext ctx) {
    String text = JsonInput.body(ctx, "text").requiredVisibleText("text", MAX_TEXT);
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(toJson(safety.check(text)).encode());
  }

  /** {@code {flag, categories, severity, matched: [{rule, category, severity, words}], guidance: {category: {...}}}}. */
  JsonObject toJson(RiskResult result) {
    JsonArray categories = new JsonArray();
    JsonObject guidance = new JsonObject();
    for (RiskCategory category : result.categories()) {
      categories.add(category.id());
      guidance.put(category.id(), advice(category));
    }
    JsonArray matched = new JsonArray();
    for (RiskResult.Match match : result.matched()) {
      matched.add(new JsonObject()
          .put("rule", match.rule())
          .put("category", match.category().id())
          .put("severity", match.severity().id())
          .put("words", match.words()));
    }
    return new JsonObject()
        .put("flag", result.flag())
        .put("categories", categories)
        .put("severity", result.severity().map(Severity::id).orElse(null))
        .put("matched", matched)
        .put("guidance", guidance);
  }
}
