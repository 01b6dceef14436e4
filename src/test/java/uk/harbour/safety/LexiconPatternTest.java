package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The lexicon's phrase language")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LexiconPatternTest {

  private static final TextNormaliser NORMALISER = new TextNormaliser(WordReplacements.of(Map.of("i'm", "i am", "gonna", "going to"), List.of()));

  /** Whether the phrase matches the text, read as the check reads it. */
  private static boolean matches(String phrase, String text) {
    Pattern regex = LexiconPattern.compile(phrase, NORMALISER).regex();
    return NORMALISER.forms(text).stream().anyMatch(form -> regex.matcher(" " + form + " ").find());
  }

  @ParameterizedTest(name = "''{0}'' in ''{1}'': {2}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "kill myself => I want to kill myself tonight => true",
        "kill myself => skill myself => false",
        "kill myself => kill myselfish => false",
        "i'm (sad|scared) => Im scared => true",
        "i'm (sad|scared) => I am happy => false",
        "(want|going) to die => i'm gonna die => true",
        "want [really|so] badly => want badly => true",
        "want [really|so] badly => want so badly => true",
        "want [really|so] badly => want very badly => false",
        "he ... hurt me => he hurt me => true",
        "he ... hurt me => he said he would hurt me => true",
        "he ... hurt me => he said that one day he hurt me => true",
        "he ... hurt me => he said that one day they will hurt me => false",
        "suicid* => suicidal thoughts => true",
        "suicid* => presuicidal => false",
        "took # (pills|tablets) => I took 20 tablets => true",
        "took # (pills|tablets) => I took some tablets => false"
      })
  @DisplayName("words, choices, optional words, gaps of up to three words, stems and numbers")
  void phraseLanguage(String phrase, String text, boolean expected) {
    assertEquals(expected, matches(phrase, text));
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "kill.*me => the phrase language does not use",
        "\\d+ pills => the phrase language does not use",
        "(a|b){2} => the phrase language does not use",
        "kill? me => the phrase language does not use",
        "^kill => the phrase language does not use",
        "(a|(b|c)) => inside a group",
        "(a|b => without its ')'",
        "a|b => outside a group",
        "[maybe] kill => must start and end with words",
        "kill ... => must start and end with words",
        "... kill => must start and end with words",
        "a ... b ... c ... d => more than 2",
        "(a||b) => empty choice",
        "*kill => the phrase language does not use",
        "-- => no letters or digits"
      })
  @DisplayName("Anything but the phrase language is refused, saying why, so no regular expression gets in")
  void refused(String phrase, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LexiconPattern.compile(phrase, NORMALISER));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  /**
   * What makes a check safe on any text: every repetition in a compiled phrase is bounded or
   * possessive over one word ({@code [a-z0-9]++}, a stem's {@code [a-z0-9]*+}, a number's {@code
   * [0-9]++}) or a gap of at most {@value LexiconPattern#GAP_WORDS} whole words, and there are at
   * most {@value LexiconPattern#MAX_GAPS} gaps. Nothing can nest or backtrack without bound.
   */
  @Test
  @DisplayName("Every phrase of the real lexicon compiles to a pattern without unbounded backtracking")
  void noCatastrophicPatternByDesign() throws Exception {
    RiskLexicon lexicon = RiskLexicon.parse(Files.readString(RiskTableTest.LEXICON));
    List<Phrase> phrases = new ArrayList<>();
    lexicon.rules().forEach(rule -> phrases.addAll(rule.phrases()));
    lexicon.exclusions().forEach(entry -> phrases.add(entry.phrase()));
    assertTrue(phrases.size() > 100, "the lexicon has its phrases: " + phrases.size());
    Pattern allowedRepetition = Pattern.compile("\\[a-z0-9\\]\\+\\+|\\[a-z0-9\\]\\*\\+|\\[0-9\\]\\+\\+|\\{0," + LexiconPattern.GAP_WORDS + "\\}\\?");
    Pattern anyRepetition = Pattern.compile("[*+?{]");
    for (Phrase phrase : phrases) {
      String regex = allowedRepetition.matcher(phrase.regex().pattern()).replaceAll("");
      // Left: groups "(?:", look-arounds "(?<= " / "(?= ", optional groups ")?" and literal words.
      String structural = regex.replace("(?:", "").replace("(?<= )", "").replace("(?= )", "").replace(")?", ")");
      Matcher repetition = anyRepetition.matcher(structural);
      assertTrue(!repetition.find(), "unexpected repetition in '" + phrase.source() + "': " + phrase.regex().pattern());
      assertTrue(structural.matches("[a-z0-9 ()|]*"), "only words and groups in '" + phrase.source() + "': " + structural);
      long gaps = phrase.regex().pattern().split("\\{0,", -1).length - 1;
      assertTrue(gaps <= LexiconPattern.MAX_GAPS, phrase.source());
    }
  }
}
