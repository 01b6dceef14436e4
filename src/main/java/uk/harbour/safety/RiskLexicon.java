package uk.harbour.safety;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.YamlInput;

/**
 * The risk lexicon (config/safety/lexicon.yaml, format in docs/safeguarding.md), checked and
 * compiled once at start: word replacements and fuzzy words for the normaliser, idioms to blank
 * out, and rules (id, category, severity, phrases). Takes text: read the file off the event loop.
 */
public final class RiskLexicon {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final int MAX_ID = 60;
  private static final int MAX_ENTRIES = 1000;

  /** A rule: any of its phrases in a message flags the category at this severity. */
  record Rule(String id, RiskCategory category, Severity severity, List<Phrase> phrases) {}

  private final TextNormaliser normaliser;
  private final List<PhraseIndex.Entry<String>> exclusions;
  private final List<Rule> rules;
  private final PhraseIndex<String> exclusionIndex;
  private final PhraseIndex<Rule> ruleIndex;

  private RiskLexicon(TextNormaliser normaliser, List<PhraseIndex.Entry<String>> exclusions, List<Rule> rules) {
    this.normaliser = normaliser;
    this.exclusions = List.copyOf(exclusions);
    this.rules = List.copyOf(rules);
    this.exclusionIndex = new PhraseIndex<>(this.exclusions);
    List<PhraseIndex.Entry<Rule>> entries = new ArrayList<>();
    this.rules.forEach(rule -> rule.phrases().forEach(phrase -> entries.add(new PhraseIndex.Entry<>(phrase, rule))));
    this.ruleIndex = new PhraseIndex<>(entries);
  }

  /** Parses and compiles; a problem is a 400-style {@link HarbourException} naming where it is. */
  public static RiskLexicon parse(String yaml) {
    JsonInput root = JsonInput.object(YamlInput.parse(yaml), "lexicon", "replacements", "fuzzy", "exclusions", "rules");
    TextNormaliser normaliser = new TextNormaliser(replacements(root));
    Set<String> ids = new HashSet<>();
    List<PhraseIndex.Entry<String>> exclusions = new ArrayList<>();
    JsonArray idioms = root.has("exclusions") ? root.requiredArray("exclusions") : new JsonArray();
    for (int i = 0; i < idioms.size(); i++) {
      JsonInput entry = JsonInput.object(idioms.getValue(i), "exclusions[" + i + "]", "id", "phrases");
      String id = id(entry, ids);
      phrases(entry, id, normaliser).forEach(phrase -> exclusions.add(new PhraseIndex.Entry<>(phrase, id)));
    }
    List<Rule> rules = new ArrayList<>();
    JsonArray list = root.requiredArray("rules");
    for (int i = 0; i < list.size(); i++) {
      JsonInput entry = JsonInput.object(list.getValue(i), "rules[" + i + "]", "id", "category", "severity", "phrases");
      String id = id(entry, ids);
      RiskCategory category = RiskCategory.fromId(entry.requiredString("category", 40))
          .orElseThrow(() -> bad(entry.name("category") + " (" + id + ") must be one of " + ids(RiskCategory.values())));
      Severity severity = Severity.fromId(entry.requiredString("severity", 20))
          .orElseThrow(() -> bad(entry.name("severity") + " (" + id + ") must be one of " + ids(Severity.values())));
      rules.add(new Rule(id, category, severity, phrases(entry, id, normaliser)));
    }
    Set<RiskCategory> covered = EnumSet.noneOf(RiskCategory.class);
    rules.forEach(rule -> covered.add(rule.category()));
    for (RiskCategory category : RiskCategory.values()) {
      if (!covered.contains(category)) {
        throw bad("no rule has category " + category.id() + ": every category needs at least one");
      }
    }
    return new RiskLexicon(normaliser, exclusions, rules);
  }

  TextNormaliser normaliser() {
    return normaliser;
  }

  List<PhraseIndex.Entry<String>> exclusions() {
    return exclusions;
  }

  List<Rule> rules() {
    return rules;
  }

  PhraseIndex<String> exclusionIndex() {
    return exclusionIndex;
  }

  PhraseIndex<Rule> ruleIndex() {
    return ruleIndex;
  }

  private static WordReplacements replacements(JsonInput root) {
    Map<String, String> words = new LinkedHashMap<>();
    if (root.has("replacements")) {
      if (!(root.requiredValue("replacements") instanceof JsonObject map)) {
        throw bad("replacements must map words to the words they stand for");
      }
      map.forEach(entry -> words.put(entry.getKey(), text(entry.getValue(), "replacements." + entry.getKey())));
    }
    List<String> fuzzy = new ArrayList<>();
    JsonArray list = root.has("fuzzy") ? root.requiredArray("fuzzy") : new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      fuzzy.add(text(list.getValue(i), "fuzzy[" + i + "]"));
    }
    try {
      return WordReplacements.of(words, fuzzy);
    } catch (IllegalArgumentException e) {
      throw bad("replacements: " + e.getMessage());
    }
  }

  private static String id(JsonInput entry, Set<String> ids) {
    String id = entry.requiredString("id", MAX_ID);
    if (!ID.matcher(id).matches()) {
      throw bad(entry.name("id") + " '" + id + "' must be lower-case words joined by '-'");
    }
    if (!ids.add(id)) {
      throw bad(entry.name("id") + " '" + id + "' is used twice");
    }
    if (ids.size() > MAX_ENTRIES) {
      throw bad("there are more than " + MAX_ENTRIES + " rules and exclusions");
    }
    return id;
  }

  private static List<Phrase> phrases(JsonInput entry, String id, TextNormaliser normaliser) {
    JsonArray list = entry.requiredArray("phrases");
    if (list.isEmpty() || list.size() > MAX_ENTRIES) {
      throw bad(entry.name("phrases") + " (" + id + ") must list 1 to " + MAX_ENTRIES + " phrases");
    }
    List<Phrase> phrases = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = entry.name("phrases") + "[" + i + "] (" + id + ")";
      String phrase = text(list.getValue(i), where);
      try {
        phrases.add(LexiconPattern.compile(phrase, normaliser));
      } catch (IllegalArgumentException e) {
        throw bad(where + " '" + phrase + "' " + e.getMessage());
      }
    }
    return phrases;
  }

  private static String text(Object value, String where) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw bad(where + " must be text");
    }
    return text;
  }

  private static String ids(Enum<?>[] values) {
    List<String> ids = new ArrayList<>();
    for (Enum<?> value : values) {
      ids.add(value.name().toLowerCase(java.util.Locale.ROOT));
    }
    return String.join(", ", ids);
  }

  private static HarbourException bad(String message) {
    return HarbourException.badRequest("bad_lexicon", message + ".");
  }
}
