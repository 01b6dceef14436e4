package uk.harbour.safety;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.YamlInput;

/**
 * What an on-call adviser does for each risk category (config/safety/guidance.yaml, format in
 * docs/safeguarding.md): a title, short steps, and catalogue cards to send. {@code {council}} and
 * {@code {councilPhone}} in the steps become the configured council and its emergency duty team
 * number. Every category must have guidance. Takes text: read the file off the event loop.
 */
public final class SafetyGuidance {

  static final int MAX_STEPS = 12;
  static final int MAX_STEP = 400;
  static final int MAX_CARDS = 10;
  private static final Pattern CARD_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Guidance for one category, ready to show. */
  public record Advice(RiskCategory category, String title, List<String> steps, List<String> cards) {
    public Advice {
      steps = List.copyOf(steps);
      cards = List.copyOf(cards);
    }
  }

  /** The council whose emergency duty team the steps name. */
  public record Council(String name, String outOfHoursPhone) {
    public Council {
      Objects.requireNonNull(name);
      Objects.requireNonNull(outOfHoursPhone);
    }
  }

  private final Map<RiskCategory, Advice> advice;

  private SafetyGuidance(Map<RiskCategory, Advice> advice) {
    this.advice = advice;
  }

  /** Parses and checks; a problem is a 400-style {@link HarbourException} naming where it is. */
  public static SafetyGuidance parse(String yaml, Council council) {
    JsonInput root = JsonInput.object(YamlInput.parse(yaml), "guidance", "categories");
    if (!(root.requiredValue("categories") instanceof JsonObject categories)) {
      throw bad("categories must map each category to its guidance");
    }
    Map<RiskCategory, Advice> advice = new EnumMap<>(RiskCategory.class);
    for (String id : categories.fieldNames()) {
      RiskCategory category = RiskCategory.fromId(id).orElseThrow(() -> bad("categories." + id + " is not a risk category"));
      advice.put(category, advice(category, JsonInput.object(categories.getValue(id), "categories." + id, "title", "steps", "cards"), council));
    }
    for (RiskCategory category : RiskCategory.values()) {
      if (!advice.containsKey(category)) {
        throw bad("categories." + category.id() + " is missing: every category needs guidance");
      }
    }
    return new SafetyGuidance(advice);
  }

  public Advice forCategory(RiskCategory category) {
    return advice.get(Objects.requireNonNull(category));
  }

  private static Advice advice(RiskCategory category, JsonInput in, Council council) {
    String title = in.requiredString("title", 80);
    JsonArray list = in.requiredArray("steps");
    if (list.isEmpty() || list.size() > MAX_STEPS) {
      throw bad(in.name("steps") + " must list 1 to " + MAX_STEPS + " steps");
    }
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      steps.add(filledIn(text(list.getValue(i), in.name("steps") + "[" + i + "]", MAX_STEP), council, in.name("steps") + "[" + i + "]"));
    }
    List<String> cards = new ArrayList<>();
    JsonArray ids = in.has("cards") ? in.requiredArray("cards") : new JsonArray();
    if (ids.size() > MAX_CARDS) {
      throw bad(in.name("cards") + " must list at most " + MAX_CARDS + " cards");
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = text(ids.getValue(i), in.name("cards") + "[" + i + "]", 60);
      if (!CARD_ID.matcher(id).matches()) {
        throw bad(in.name("cards") + "[" + i + "] '" + id + "' must be a catalogue entry id");
      }
      cards.add(id);
    }
    return new Advice(category, title, steps, cards);
  }

  private static String filledIn(String step, Council council, String where) {
    String filled = step.replace("{council}", council.name()).replace("{councilPhone}", council.outOfHoursPhone());
    if (step.replace("{council}", "").replace("{councilPhone}", "").matches("(?s).*[{}].*")) {
      throw bad(where + " has an unknown {placeholder}: only {council} and {councilPhone} are filled in");
    }
    return filled;
  }

  private static String text(Object value, String where, int max) {
    if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
      throw bad(where + " must be text of at most " + max + " characters");
    }
    return text.strip();
  }

  private static HarbourException bad(String message) {
    return HarbourException.badRequest("bad_guidance", message + ".");
  }
}
