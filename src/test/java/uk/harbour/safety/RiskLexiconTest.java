package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.web.HarbourException;

@DisplayName("The risk lexicon file and the check it drives")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RiskLexiconTest {

  private static final String RULES = """
      rules:
        - id: die
          category: suicide_self_harm
          severity: high
          phrases: ["want to die", "kill* me"]
        - id: sad
          category: suicide_self_harm
          severity: medium
          phrases: ["so sad"]
        - id: knife
          category: immediate_danger
          severity: high
          phrases: ["knife"]
        - id: exploit
          category: abuse_exploitation
          severity: medium
          phrases: ["made me"]
        - id: street
          category: no_safe_place
          severity: medium
          phrases: ["on the street"]
      """;
  private static final String IDIOMS = """
      exclusions:
        - id: essay
          phrases: ["(essay|homework) is killing me"]
        - id: knife-and-fork
          phrases: ["knife and fork"]
      """;

  private static RiskCheck check(String yaml) {
    return new RiskCheck(RiskLexicon.parse(yaml));
  }

  @Test
  @DisplayName("A match flags its category; the severity is the highest matched; categories come in a fixed order")
  void resultShape() {
    RiskResult result = check(RULES).check("I'm so sad, I want to die. Someone made me do it");
    assertTrue(result.flag());
    assertEquals(List.of(RiskCategory.SUICIDE_SELF_HARM, RiskCategory.ABUSE_EXPLOITATION), result.categories());
    assertEquals(Optional.of(Severity.HIGH), result.severity());
    assertEquals(List.of("die", "sad", "exploit"), result.matched().stream().map(RiskResult.Match::rule).sorted((a, b) -> order(a) - order(b)).toList());
    RiskResult.Match die = result.matched().stream().filter(m -> m.rule().equals("die")).findFirst().orElseThrow();
    assertEquals("want to die", die.words());

    RiskResult medium = check(RULES).check("so sad");
    assertEquals(Optional.of(Severity.MEDIUM), medium.severity());
    assertEquals(RiskResult.NONE, check(RULES).check("see you tomorrow"));
    assertEquals(Optional.empty(), RiskResult.NONE.severity());
  }

  private static int order(String rule) {
    return List.of("die", "sad", "exploit").indexOf(rule);
  }

  @Test
  @DisplayName("Negation does not suppress a flag")
  void negationStillFlags() {
    assertTrue(check(RULES).check("I don't want to die, honestly").flag());
    assertTrue(check(RULES).check("not that I want to die or anything").flag());
  }

  @Test
  @DisplayName("An idiom is blanked out where it is, and only there: the rest of the message is still read")
  void idiomsAreBlankedOnlyWhereTheyAre() {
    RiskCheck check = check(RULES + IDIOMS);
    assertFalse(check.check("this essay is killing me lol").flag());
    assertFalse(check.check("I need a knife and fork").flag());
    assertTrue(check(RULES).check("this essay is killing me lol").flag(), "without the idiom the rule matches");
    RiskResult both = check.check("my homework is killing me and he has a knife");
    assertEquals(List.of(RiskCategory.IMMEDIATE_DANGER), both.categories());
    assertTrue(check.check("this essay is killing me. kill me now").flag(), "a second, unexcused match still flags");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "an unknown category    | category: suicide_self_harm       | category: sadness                | bad_lexicon | rules[0].category (die) must be one of",
        "an unknown severity    | severity: high                   | severity: urgent                 | bad_lexicon | rules[0].severity (die) must be one of",
        "a repeated id          | id: sad                          | id: die                          | bad_lexicon | rules[1].id 'die' is used twice",
        "a bad id               | id: sad                          | id: Sad Rule                     | bad_lexicon | must be lower-case words",
        "a missing category     | category: no_safe_place          | category: immediate_danger       | bad_lexicon | no rule has category no_safe_place",
        "an unknown field       | severity: medium                 | severity: medium\\n    colour: red | unknown_field | Unknown field 'colour' in 'rules[1]'",
        "a bad phrase           | \"so sad\"                       | \"so.*sad\"                      | bad_lexicon | rules[1].phrases[0] (sad) 'so.*sad' has '.'",
        "no phrases             | [\"so sad\"]                     | []                               | bad_lexicon | rules[1].phrases (sad) must list 1 to",
        "a phrase that is not text | [\"so sad\"]                  | [42]                             | bad_lexicon | rules[1].phrases[0] (sad) must be text",
        "broken YAML            | rules:                           | rules: [                         | bad_yaml    | could not be read"
      })
  @DisplayName("A bad lexicon is refused with a code and a message naming the place")
  void badFiles(String name, String from, String to, String code, String message) {
    String yaml = RULES.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")));
    HarbourException e = assertThrows(HarbourException.class, () -> RiskLexicon.parse(yaml), name);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  @DisplayName("Replacements and fuzzy words must be words; exclusions need ids and phrases")
  void badWordsAndIdioms() {
    HarbourException badReplacement = assertThrows(HarbourException.class, () -> RiskLexicon.parse("replacements:\n  kms: 3\n" + RULES));
    assertTrue(badReplacement.getMessage().contains("replacements.kms must be text"), badReplacement.getMessage());
    HarbourException badFuzzy = assertThrows(HarbourException.class, () -> RiskLexicon.parse("fuzzy: [sad]\n" + RULES));
    assertTrue(badFuzzy.getMessage().contains("fuzzy word 'sad' must be one word of 6 letters or more"), badFuzzy.getMessage());
    HarbourException badIdiom = assertThrows(HarbourException.class, () -> RiskLexicon.parse("exclusions:\n  - id: x\n" + RULES));
    assertEquals("missing_field", badIdiom.code(), badIdiom.getMessage());
    HarbourException noRules = assertThrows(HarbourException.class, () -> RiskLexicon.parse("fuzzy: []"));
    assertEquals("missing_field", noRules.code());
  }
}
