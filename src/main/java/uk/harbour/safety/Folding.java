package uk.harbour.safety;

import java.text.Normalizer;

/**
 * The character-level part of reading text ({@link TextNormaliser}): compatibility forms, accents,
 * case, invisible characters and apostrophes first, then digits and symbols used as letters, then
 * everything that is not a-z or 0-9 as a space. Linear in the length of the text.
 */
final class Folding {

  /** Read no digit or symbol as a letter: for the lexicon's own words. */
  static final char NO_LOOK_ALIKES = 0;
  private static final String LOOK_ALIKES = "013457@$|";

  private Folding() {}

  /**
   * Compatibility forms and accents undone ("ｋｉｌｌ", "suïcide"), lower case; invisible format
   * characters (zero-width space, soft hyphen) and apostrophes dropped so a word stays one word.
   */
  static String prepare(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      boolean dropped =
          type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
              || type == Character.FORMAT || "'’‘`´ʼ".indexOf(c) >= 0;
      if (!dropped) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /** a-z and 0-9 kept, look-alikes among letters read as letters, everything else a space. */
  static String fold(String text, char one) {
    boolean[] inWord = one == NO_LOOK_ALIKES ? null : lookAlikesInWords(text);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char letter = inWord == null ? 0 : lookAlike(text, i, one, inWord[i]);
      if (letter != 0) {
        out.append(letter);
      } else if (letter(c) || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    return out.toString();
  }

  /**
   * The letter a digit or symbol stands for when it is part of a word ("k1ll", "ki11", "h3ll0",
   * "$uicide"), or 0. "!" counts only between letters, so "help!" is not "helpi".
   */
  private static char lookAlike(String text, int i, char one, boolean inWord) {
    char c = text.charAt(i);
    if (c == '!') {
      return i > 0 && i + 1 < text.length() && letter(text.charAt(i - 1)) && letter(text.charAt(i + 1)) ? 'i' : 0;
    }
    char letter = switch (c) {
      case '0' -> 'o';
      case '1' -> one;
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      case '|' -> 'l';
      default -> 0;
    };
    return inWord ? letter : 0;
  }

  /**
   * For each position: is there a letter next to it, or next to the run of look-alikes it is in
   * ("ki11")? Two passes, so a long run of digits costs no more than its length.
   */
  private static boolean[] lookAlikesInWords(String text) {
    int n = text.length();
    boolean[] inWord = new boolean[n];
    boolean letterBefore = false;
    for (int i = 0; i < n; i++) {
      inWord[i] = letterBefore;
      char c = text.charAt(i);
      if (LOOK_ALIKES.indexOf(c) < 0) {
        letterBefore = letter(c);
      }
    }
    boolean letterAfter = false;
    for (int i = n - 1; i >= 0; i--) {
      inWord[i] |= letterAfter;
      char c = text.charAt(i);
      if (LOOK_ALIKES.indexOf(c) < 0) {
        letterAfter = letter(c);
      }
    }
    return inWord;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z';
  }
}
