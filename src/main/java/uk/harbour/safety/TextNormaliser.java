package uk.harbour.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what someone typed the way the lexicon is written: lower case, no accents or apostrophes,
 * punctuation and emoji as spaces, digits and symbols used as letters read as letters ("k1ll",
 * "$uicide"; those are {@link Folding}), letters typed one by one joined ("s u i c i d e"), repeated letters as one ("soooo"
 * is "so", and "kill" is "kil": the lexicon's own words are read the same way, so they still
 * meet), then slang, abbreviations and misspellings replaced ({@link WordReplacements}). The result
 * holds only a-z, 0-9 and single spaces, so the lexicon's patterns never meet anything else.
 * Linear in the length of the text.
 */
public final class TextNormaliser {

  /** Single letters in a row before they are read as one word ("d i e" but not "a b"). */
  private static final int SPELLED_RUN = 3;

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
    String prepared = Folding.prepare(text);
    boolean hasOne = prepared.indexOf('1') >= 0;
    for (char one : hasOne ? new char[] {'i', 'l'} : new char[] {'i'}) {
      List<String> tokens = tokens(Folding.fold(prepared, one));
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
    return finish(tokens(Folding.fold(Folding.prepare(words), Folding.NO_LOOK_ALIKES)));
  }

  /** Words with case, accents, punctuation and repeated letters folded, nothing replaced. */
  static List<String> bareWords(String words) {
    List<String> tokens = tokens(Folding.fold(Folding.prepare(words), Folding.NO_LOOK_ALIKES));
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
