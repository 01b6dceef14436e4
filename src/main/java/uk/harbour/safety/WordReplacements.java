package uk.harbour.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Slang, abbreviations and misspellings the lexicon names ("kms" → "kill myself", "sucide" →
 * "suicide", "gonna" → "going to"), as whole words of one to three, longest first, in one pass (a
 * replacement is never replaced again). Then each remaining word of six letters or more that is one
 * typo (a letter added, dropped, changed, or two swapped) from a "fuzzy" word becomes that word.
 */
public final class WordReplacements {

  static final int MAX_KEY_WORDS = 3;
  static final int MIN_FUZZY_LENGTH = 6;

  private final Map<String, String> replacements;
  /**
   * The first words of keys of two words or more: only there is a longer key looked for, so the
   * check (twice per message) joins no words for the many that start none.
   */
  private final Set<String> multiWordStarts;
  private final List<String> fuzzy;

  private WordReplacements(Map<String, String> replacements, List<String> fuzzy) {
    this.replacements = replacements;
    this.multiWordStarts = replacements.keySet().stream().filter(key -> key.indexOf(' ') > 0)
        .map(key -> key.substring(0, key.indexOf(' '))).collect(Collectors.toUnmodifiableSet());
    this.fuzzy = fuzzy;
  }

  public static WordReplacements none() {
    return new WordReplacements(Map.of(), List.of());
  }

  /**
   * Keys and values are read like text ({@link TextNormaliser#bareWords}); a problem is an {@link
   * IllegalArgumentException} naming the word.
   */
  public static WordReplacements of(Map<String, String> raw, List<String> fuzzyWords) {
    Map<String, String> replacements = new HashMap<>();
    raw.forEach(
        (from, to) -> {
          List<String> key = TextNormaliser.bareWords(from);
          List<String> value = TextNormaliser.bareWords(to);
          if (key.isEmpty() || key.size() > MAX_KEY_WORDS || value.isEmpty()) {
            throw new IllegalArgumentException("'" + from + "' must be one to " + MAX_KEY_WORDS + " words, replaced by at least one word");
          }
          if (replacements.put(String.join(" ", key), String.join(" ", value)) != null) {
            throw new IllegalArgumentException("'" + from + "' is listed twice (once its letters are folded)");
          }
        });
    List<String> fuzzy = new ArrayList<>();
    for (String word : fuzzyWords) {
      List<String> folded = TextNormaliser.bareWords(word);
      if (folded.size() != 1 || folded.get(0).length() < MIN_FUZZY_LENGTH) {
        throw new IllegalArgumentException("fuzzy word '" + word + "' must be one word of " + MIN_FUZZY_LENGTH + " letters or more");
      }
      fuzzy.add(folded.get(0));
    }
    return new WordReplacements(Map.copyOf(replacements), List.copyOf(fuzzy));
  }

  List<String> apply(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    int i = 0;
    while (i < words.size()) {
      int taken = 0;
      int longest = multiWordStarts.contains(words.get(i)) ? MAX_KEY_WORDS : 1;
      for (int n = Math.min(longest, words.size() - i); n >= 1 && taken == 0; n--) {
        String replacement = replacements.get(n == 1 ? words.get(i) : String.join(" ", words.subList(i, i + n)));
        if (replacement != null) {
          out.add(replacement);
          taken = n;
        }
      }
      if (taken == 0) {
        out.add(corrected(words.get(i)));
        taken = 1;
      }
      i += taken;
    }
    return out;
  }

  private String corrected(String word) {
    if (word.length() < MIN_FUZZY_LENGTH) {
      return word;
    }
    for (String target : fuzzy) {
      if (oneTypoApart(word, target)) {
        return target;
      }
    }
    return word;
  }

  /** True when {@code a} is {@code b} or one insertion, deletion, substitution or adjacent swap from it. */
  static boolean oneTypoApart(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int start = 0;
    while (start < Math.min(la, lb) && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    if (start == la && start == lb) {
      return true;
    }
    if (la == lb) {
      boolean swapped = start + 1 < la && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start);
      int rest = swapped ? start + 2 : start + 1;
      return a.regionMatches(rest, b, rest, la - rest);
    }
    // One extra letter in the longer word at the first difference.
    return la > lb ? a.regionMatches(start + 1, b, start, lb - start) : a.regionMatches(start, b, start + 1, la - start);
  }
}
