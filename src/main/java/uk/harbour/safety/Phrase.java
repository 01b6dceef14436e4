package uk.harbour.safety;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled lexicon phrase: its regular expression over padded normalised text, and the words
 * a match can start with (whole words, stems, or any number), so the check tries it only where
 * one of them is ({@link PhraseIndex}).
 */
record Phrase(String source, Pattern regex, Set<String> firstWords, List<String> firstStems, boolean firstIsNumber) {

  Phrase {
    firstWords = Set.copyOf(firstWords);
    firstStems = List.copyOf(firstStems);
  }
}
