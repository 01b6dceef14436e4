package uk.harbour.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lexicon's small phrase language, compiled to a regular expression over normalised text
 * (a-z, 0-9, single spaces). Words are written as people write them and read like text
 * ({@link TextNormaliser#literal}); besides words a phrase may hold:
 *
 * <ul>
 *   <li>{@code (a|b c)}: one of these words or word groups;
 *   <li>{@code [a|b c]}: optionally one of them (never first or last);
 *   <li>{@code ...}: up to {@value #GAP_WORDS} other words (never first or last, at most {@value #MAX_GAPS});
 *   <li>{@code word*}: any word starting with these letters;
 *   <li>{@code #}: a number written in digits ("took # paracetamol").
 * </ul>
 *
 * Nothing else: no regular-expression syntax reaches the compiled pattern. Its only repetitions
 * are possessive ones within a word (which never give back) and the gap of at most {@value
 * #GAP_WORDS} whole words, so a match tried at one position costs a bounded number of steps (no
 * catastrophic backtracking, whatever the text).
 */
final class LexiconPattern {

  static final int GAP_WORDS = 3;
  static final int MAX_GAPS = 2;
  static final int MAX_LENGTH = 1000;
  private static final String WORD = "[a-z0-9]++";

  private enum Kind { REQUIRED, OPTIONAL, GAP }

  private record Item(Kind kind, String regex, First first) {}

  /** The words a part of a phrase can start with. */
  private record First(Set<String> words, List<String> stems, boolean number) {
    static First word(String word) {
      return new First(Set.of(word), List.of(), false);
    }

    First or(First other) {
      Set<String> allWords = new HashSet<>(words);
      allWords.addAll(other.words);
      List<String> allStems = new ArrayList<>(stems);
      allStems.addAll(other.stems);
      return new First(allWords, allStems, number || other.number);
    }
  }

  /** A regular expression for a run of words, and the words it can start with. */
  private record Sequence(String regex, First first) {}

  private final String source;
  private final TextNormaliser normaliser;
  private int at;

  private LexiconPattern(String source, TextNormaliser normaliser) {
    this.source = source;
    this.normaliser = normaliser;
  }

  /** Compiles a phrase; a problem is an {@link IllegalArgumentException} saying what is wrong. */
  static Phrase compile(String phrase, TextNormaliser normaliser) {
    if (phrase.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    List<Item> items = new LexiconPattern(phrase, normaliser).items();
    String regex = assemble(items);
    First first = items.get(0).first();
    return new Phrase(phrase, Pattern.compile(regex), first.words(), first.stems(), first.number());
  }

  private List<Item> items() {
    List<Item> items = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '(' || c == '[' || source.startsWith("...", at)) {
        flush(words, items);
        if (c == '.') {
          at += 3;
          items.add(new Item(Kind.GAP, "(?:" + WORD + " ){0," + GAP_WORDS + "}?", null));
        } else {
          at++;
          Sequence group = group(c == '(' ? ')' : ']');
          items.add(new Item(c == '(' ? Kind.REQUIRED : Kind.OPTIONAL, group.regex(), group.first()));
        }
      } else if (c == ')' || c == ']' || c == '|') {
        throw new IllegalArgumentException("has '" + c + "' outside a group");
      } else {
        words.append(c);
        at++;
      }
    }
    flush(words, items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    return items;
  }

  private void flush(StringBuilder words, List<Item> items) {
    if (!words.toString().isBlank()) {
      Sequence sequence = sequence(words.toString());
      items.add(new Item(Kind.REQUIRED, sequence.regex(), sequence.first()));
    }
    words.setLength(0);
  }

  /** The alternatives up to {@code close}; no groups inside groups. */
  private Sequence group(char close) {
    List<String> alternatives = new ArrayList<>();
    First first = new First(Set.of(), List.of(), false);
    StringBuilder words = new StringBuilder();
    while (true) {
      if (at >= source.length()) {
        throw new IllegalArgumentException("has a group without its '" + close + "'");
      }
      char c = source.charAt(at++);
      if (c == '|' || c == close) {
        if (words.toString().isBlank()) {
          throw new IllegalArgumentException("has an empty choice in a group");
        }
        Sequence alternative = sequence(words.toString());
        alternatives.add(alternative.regex());
        first = first.or(alternative.first());
        words.setLength(0);
        if (c == close) {
          return new Sequence("(?:" + String.join("|", alternatives) + ")", first);
        }
      } else if (c == '(' || c == '[' || c == ')' || c == ']') {
        throw new IllegalArgumentException("has '" + c + "' inside a group (groups and gaps do not nest)");
      } else {
        words.append(c);
      }
    }
  }

  /** Words, some ending in '*': runs of plain words are read like text, starred words are stems. */
  private Sequence sequence(String text) {
    List<String> parts = new ArrayList<>();
    First first = null;
    StringBuilder plain = new StringBuilder();
    for (String word : text.trim().split(" +")) {
      if (!word.equals("#") && !word.endsWith("*")) {
        checkCharacters(word);
        plain.append(word).append(' ');
        continue;
      }
      first = firstOf(first, addLiteral(plain, parts));
      if (word.equals("#")) {
        parts.add("[0-9]++");
        first = firstOf(first, new First(Set.of(), List.of(), true));
      } else {
        checkCharacters(word);
        List<String> stem = TextNormaliser.bareWords(word.substring(0, word.length() - 1));
        if (stem.size() != 1) {
          throw new IllegalArgumentException("has '" + word + "': '*' ends a single word");
        }
        parts.add(stem.get(0) + "[a-z0-9]*+");
        first = firstOf(first, new First(Set.of(), List.of(stem.get(0)), false));
      }
    }
    first = firstOf(first, addLiteral(plain, parts));
    return new Sequence(String.join(" ", parts), first);
  }

  private static First firstOf(First sofar, First next) {
    return sofar != null ? sofar : next;
  }

  /** Adds the plain words read like text; returns their first word, or null when there were none. */
  private First addLiteral(StringBuilder plain, List<String> parts) {
    if (plain.length() == 0) {
      return null;
    }
    String literal = normaliser.literal(plain.toString());
    if (literal.isEmpty()) {
      throw new IllegalArgumentException("has '" + plain.toString().trim() + "', which has no letters or digits");
    }
    parts.add(literal);
    plain.setLength(0);
    return First.word(literal.split(" ")[0]);
  }

  private static void checkCharacters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean star = c == '*' && i == word.length() - 1 && i > 0;
      if (!(Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-' || star)) {
        throw new IllegalArgumentException("has '" + c + "', which the phrase language does not use");
      }
    }
  }

  /** Items joined by single spaces; a match starts and ends at word boundaries of the padded text. */
  private static String assemble(List<Item> items) {
    if (items.get(0).kind() != Kind.REQUIRED || items.get(items.size() - 1).kind() != Kind.REQUIRED) {
      throw new IllegalArgumentException("must start and end with words, not an optional group or '...'");
    }
    if (items.stream().filter(i -> i.kind() == Kind.GAP).count() > MAX_GAPS) {
      throw new IllegalArgumentException("has more than " + MAX_GAPS + " '...'");
    }
    StringBuilder regex = new StringBuilder("(?<= )");
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      boolean last = i == items.size() - 1;
      switch (item.kind()) {
        case REQUIRED -> regex.append(item.regex()).append(last ? "" : " ");
        case OPTIONAL -> regex.append("(?:").append(item.regex()).append(" )?");
        case GAP -> regex.append(item.regex());
      }
    }
    return regex.append("(?= )").toString();
  }
}
