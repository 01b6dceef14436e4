package uk.harbour.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what someone typed the way the lexicon is written: lower case, no accents or apostrophes,
 * punctuation and emoji as spaces, digits and symbols used as letters read as letters ("k1ll",
 * "$uicide"), letters typed one by one joined ("s u i c i d e"), repeated letters as one ("soooo"
 * is "so", and "kill" is "kil": the lexicon's own words are read the same way, so they still
 * meet), then slang, abbreviations and misspellings replaced ({@link WordReplacements}). The result
 * holds only a-z, 0-9 and single spaces, so the lexicon's patterns never meet anything else.
 * Linear in the length of the text.
 */
public final class TextNormaliser {

  /** No digit is read as a letter: for the lexicon's own words. */
  private static final char NO_DIGIT_TRICKS = 0;
  /** Single letters in a row before they are read as one word ("d i e" but not "a b"). */
  private static final int SPELLED_RUN = 3;
  private static final String LOOK_ALIKES = "013457@$|";

  private final WordReplacements replacements;

  public TextNormaliser(WordReplacements replacements) {
    this.replacements = Objects.requireNonNull(replacements);
  }

  /**
   * Every reading of the text worth matching, usually one. A 1 inside a word is read as i and as l
   * ("k1ll", "ki11"); letters typed one by one are read joined, and also joined after a leading
   * "i" or "a" ("i d i e"), and as typed (a run like "how r u x" is ordinary chat).
   */
  public Set<String> forms(String text) {
    Set<String> forms = new LinkedHashSet<>();
    String pre = prepare(text);
    boolean oneInWord = pre.indexOf('1') >= 0;
    for (char one : oneInWord ? new char[] {'i', 'l'} : new char[] {'i'}) {
      List<String> tokens = tokens(fold(pre, one));
      forms.add(finish(tokens));
      if (hasSpelledRun(tokens)) {
        forms.add(finish(joinSpelled(tokens, false)));
        forms.add(finish(joinSpelled(tokens, true)));
      }
    }
    return forms;
  }

  /** A phrase from the lexicon, read like text but without digit tricks or spelled-out letters. */
  public String literal(String words) {
    return finish(tokens(fold(prepare(words), NO_DIGIT_TRICKS)));
  }

  /** Words with case, accents, punctuation and repeated letters folded, nothing replaced. */
  static List<String> bareWords(String words) {
    List<String> tokens = tokens(fold(prepare(words), NO_DIGIT_TRICKS));
    tokens.replaceAll(TextNormaliser::collapse);
    return tokens;
  }

  private String finish(List<String> tokens) {
    List<String> collapsed = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      collapsed.add(collapse(token));
    }
    return String.join(" ", replacements.apply(collapsed));
  }

  /**
   * Compatibility forms and accents undone ("ｋｉｌｌ", "suïcide"), lower case; invisible format
   * characters (zero-width space, soft hyphen) and apostrophes dropped so a word stays one word.
   */
  private static String prepare(String text) {
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
  private static String fold(String text, char one) {
    boolean[] inWord = one == NO_DIGIT_TRICKS ? null : lookAlikesInWords(text);
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

  private static List<String> tokens(String folded) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean space = i == folded.length() || folded.charAt(i) == ' ';
      if (space && start >= 0) {
        tokens.add(folded.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return tokens;
  }

  /** Runs of a repeated letter as one: "soooo" is "so", "kill" is "kil". Digits stay ("999"). */
  static String collapse(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (i == 0 || c != token.charAt(i - 1) || !letter(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean singleLetter(String token) {
    return token.length() == 1 && letter(token.charAt(0));
  }

  private static boolean hasSpelledRun(List<String> tokens) {
    int run = 0;
    for (String token : tokens) {
      run = singleLetter(token) ? run + 1 : 0;
      if (run >= SPELLED_RUN) {
        return true;
      }
    }
    return false;
  }

  /** Joins each run of single letters; {@code keepLeadingWord} leaves a leading "i" or "a" apart. */
  private static List<String> joinSpelled(List<String> tokens, boolean keepLeadingWord) {
    List<String> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      int end = i;
      while (end < tokens.size() && singleLetter(tokens.get(end))) {
        end++;
      }
      if (end - i < SPELLED_RUN) {
        out.add(tokens.get(i));
        i++;
        continue;
      }
      int from = i;
      if (keepLeadingWord && end - i > SPELLED_RUN && (tokens.get(i).equals("i") || tokens.get(i).equals("a"))) {
        out.add(tokens.get(i));
        from++;
      }
      out.add(String.join("", tokens.subList(from, end)));
      i = end;
    }
    return out;
  }
}
