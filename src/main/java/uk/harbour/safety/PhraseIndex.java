package uk.harbour.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phrases by the word they can start with, so the check tries at each word of a message only the
 * few phrases that could match there, instead of every phrase at every character. A phrase that
 * starts with a stem ("suicid*") is found by the stem's first letters, one starting with a number
 * by any number.
 */
final class PhraseIndex<T> {

  /** A phrase and what it belongs to (a rule, or an idiom's id). */
  record Entry<T>(Phrase phrase, T owner) {}

  private record Stemmed<T>(String stem, Entry<T> entry) {}

  private static final int STEM_KEY = 3;

  private final Map<String, List<Entry<T>>> byWord = new HashMap<>();
  /** Keyed by a stem's first {@value #STEM_KEY} letters (all of a shorter stem). */
  private final Map<String, List<Stemmed<T>>> byStem = new HashMap<>();
  /** Which key lengths {@code byStem} has: a word's prefix of a length no key has is not cut out to look for. */
  private final boolean[] stemKeyLengths = new boolean[STEM_KEY + 1];
  private final List<Entry<T>> byNumber = new ArrayList<>();

  PhraseIndex(List<Entry<T>> entries) {
    for (Entry<T> entry : entries) {
      Phrase phrase = entry.phrase();
      for (String word : phrase.firstWords()) {
        byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(entry);
      }
      for (String stem : phrase.firstStems()) {
        String key = stem.substring(0, Math.min(STEM_KEY, stem.length()));
        byStem.computeIfAbsent(key, k -> new ArrayList<>()).add(new Stemmed<>(stem, entry));
        stemKeyLengths[key.length()] = true;
      }
      if (phrase.firstIsNumber()) {
        byNumber.add(entry);
      }
    }
  }

  /** Runs {@code action} for each phrase that can start with {@code word} (a phrase may come twice). */
  void forCandidates(String word, Consumer<Entry<T>> action) {
    byWord.getOrDefault(word, List.of()).forEach(action);
    for (int k = 1; k <= Math.min(STEM_KEY, word.length()); k++) {
      if (!stemKeyLengths[k]) {
        continue;
      }
      for (Stemmed<T> stemmed : byStem.getOrDefault(word.substring(0, k), List.of())) {
        if (word.startsWith(stemmed.stem())) {
          action.accept(stemmed.entry());
        }
      }
    }
    if (!byNumber.isEmpty() && !word.isEmpty() && Character.isDigit(word.charAt(0))) {
      byNumber.forEach(action);
    }
  }
}
