package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Text is read the way the lexicon is written")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TextNormaliserTest {

  private static final TextNormaliser PLAIN = new TextNormaliser(WordReplacements.none());
  private static final TextNormaliser WITH_WORDS =
      new TextNormaliser(
          WordReplacements.of(
              Map.of("kms", "kill myself", "gonna", "going to", "i'm", "i am", "my self", "myself", "my self harm", "my self harm", "no where", "nowhere"),
              List.of("suicide", "suicidal")));

  /** The first reading: digits inside words as letters (1 as i), spelled-out letters as typed. */
  private static String read(TextNormaliser normaliser, String text) {
    return normaliser.forms(text).iterator().next();
  }

  @ParameterizedTest(name = "''{0}'' is read ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "I Want To DIE                | i want to die",
        "Don't, won’t... can't!?      | dont wont cant",
        "soooo tiiiired               | so tired",
        "kill myself                  | kil myself",
        "KILLLLLL                     | kil",
        "suïcide                      | suicide",
        "ｋｉｌｌ                      | kil",
        "sui\u200Bcide                | suicide",
        "self-harm / s.h              | self harm s h",
        "k1ll mys3lf                  | kil myself",
        "h3ll0 $uicidal               | helo suicidal",
        "k!ll                         | kil",
        "help! now                    | help now",
        "call 999 or 111              | cal 999 or 111",
        "it's 24/7                    | its 24 7",
        "😭😭 i wanna die 😭           | i wana die"
      })
  @DisplayName("case, accents, punctuation, emoji, repeated letters and digit tricks")
  void folds(String text, String expected) {
    assertEquals(expected, read(PLAIN, text));
  }

  @Test
  @DisplayName("Tabs, new lines and runs of spaces are single spaces")
  void whiteSpace() {
    assertEquals("tabs and new lines", read(PLAIN, "  tabs\tand\n\nnew   lines "));
  }

  @Test
  @DisplayName("The result holds only a-z, 0-9 and single spaces, whatever the text")
  void onlyPlainCharacters() {
    String hostile = "<script>\u0000\u202E\uFDFA\uD83D\uDE00 ǅ ß ﬁ Ⅻ ① \u0301\u0301 $$ @@ || 10pm";
    for (String form : PLAIN.forms(hostile)) {
      assertTrue(form.matches("[a-z0-9]+(?: [a-z0-9]+)*"), form);
    }
    assertEquals(Set.of(""), PLAIN.forms("😂😂 !!! ..."), "nothing but symbols reads as nothing");
  }

  @Test
  @DisplayName("A 1 inside a word is read both as i and as l, so k1ll and ki11 both read kill")
  void oneAsIAndL() {
    assertTrue(PLAIN.forms("k1ll").contains("kil"));
    assertTrue(PLAIN.forms("ki11").contains("kil"));
    assertEquals(Set.of("i have 1 cat"), PLAIN.forms("I have 1 cat"), "a number alone stays a number, one reading");
  }

  @Test
  @DisplayName("Letters typed one by one are read joined, also after a leading i or a, and as typed")
  void spelledOutLetters() {
    assertTrue(PLAIN.forms("s u i c i d e").contains("suicide"));
    assertTrue(PLAIN.forms("S.U.I.C.I.D.E").contains("suicide"));
    assertTrue(PLAIN.forms("i d i e").contains("i die"), PLAIN.forms("i d i e").toString());
    assertTrue(PLAIN.forms("want to d-i-e").contains("want to die"));
    assertTrue(PLAIN.forms("how r u x").contains("how r u x"), "ordinary chat is still read as typed");
    assertEquals(Set.of("r u ok"), PLAIN.forms("r u ok"), "two single letters are not a spelled word");
  }

  @Test
  @DisplayName("Slang and abbreviations are replaced as whole words, the longest first, once")
  void replacements() {
    assertEquals("i am going to kil myself", read(WITH_WORDS, "I'm gonna kms"));
    assertEquals("i want to kil myself", read(WITH_WORDS, "i want to kill my self"));
    assertEquals("my self harm", read(WITH_WORDS, "my self-harm"), "the longer replacement wins");
    assertEquals("nowhere to go", read(WITH_WORDS, "no where to go"));
    assertEquals("kmsx", read(WITH_WORDS, "kmsx"), "only whole words");
    assertEquals("kil myself", read(WITH_WORDS, "kmssss"), "repeated letters are folded before replacing");
  }

  @Test
  @DisplayName("Words of six letters or more one typo from a fuzzy word become it; others stay")
  void fuzzyWords() {
    assertEquals("suicidal", read(WITH_WORDS, "suicdal"), "a letter dropped");
    assertEquals("suicide", read(WITH_WORDS, "suicidie"), "a letter added");
    assertEquals("suicide", read(WITH_WORDS, "siucide"), "two letters swapped");
    assertEquals("suicide", read(WITH_WORDS, "suacide"), "a letter changed");
    assertEquals("sucde", read(WITH_WORDS, "sucde"), "two typos are not corrected");
    assertEquals("overdone suited", read(WITH_WORDS, "overdone suited"));
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({"suicide,suicide,true", "suicde,suicide,true", "suicidee,suicide,true", "usicide,suicide,true", "suicied,suicide,true",
      "suicid,suicide,true", "xuicidx,suicide,false", "sui,suicide,false", "suicidalx,suicide,false"})
  @DisplayName("One typo apart means one letter added, dropped, changed, or two neighbours swapped")
  void oneTypo(String a, String b, boolean expected) {
    assertEquals(expected, WordReplacements.oneTypoApart(a, b));
  }

  @Test
  @DisplayName("The lexicon's own words skip digit tricks and spelled-out letters")
  void literals() {
    assertEquals("cal 999", PLAIN.literal("call 999"));
    assertEquals("i am going to", WITH_WORDS.literal("I'm gonna"));
    assertFalse(PLAIN.literal("a b c").contains("abc"));
  }

  @Test
  @DisplayName("A bad replacement or fuzzy word is refused with what is wrong")
  void badWords() {
    assertThrowsMessage(() -> WordReplacements.of(Map.of("one two three four", "x"), List.of()), "must be one to 3 words");
    assertThrowsMessage(() -> WordReplacements.of(Map.of("kms", "kill myself", "kmss", "x"), List.of()), "listed twice");
    assertThrowsMessage(() -> WordReplacements.of(Map.of("!!", "x"), List.of()), "must be one to 3 words");
    assertThrowsMessage(() -> WordReplacements.of(Map.of(), List.of("kill")), "six letters or more".replace("six", "6"));
  }

  private static void assertThrowsMessage(Runnable action, String part) {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
