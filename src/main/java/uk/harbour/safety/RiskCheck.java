package uk.harbour.safety;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message against the risk lexicon: the check the chat runs on every message and staff
 * run from {@code POST /api/safety/check}. Pure and thread-safe (the lexicon is compiled once and
 * never changes), and cheap: each reading of the text is walked word by word, trying only the
 * phrases that can start with that word. Idioms the lexicon lists ("this essay is killing me") are
 * blanked out first, so their words cannot match; anything else that matches flags, negated or
 * not ("I'm not going to kill myself but…" flags): a missed message costs more than an extra alert.
 */
public final class RiskCheck {

  /** Stands in for a blanked idiom: no phrase or word gap matches it, so it also separates phrases. */
  private static final String BLANK = "_";

  private final RiskLexicon lexicon;
  /**
   * Each thread's matcher for each phrase it has tried: a matcher's arrays cost more to make than
   * the try, and a message's two readings make dozens of tries (a third of the chat's allocation).
   */
  private final ThreadLocal<Map<Pattern, Matcher>> matchers = ThreadLocal.withInitial(IdentityHashMap::new);

  public RiskCheck(RiskLexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon);
  }

  public RiskResult check(String text) {
    Map<String, RiskResult.Match> found = new LinkedHashMap<>();
    for (String form : lexicon.normaliser().forms(text)) {
      String padded = withoutIdioms(" " + form + " ");
      for (int start = 1; start < padded.length(); start = padded.indexOf(' ', start) + 1) {
        int at = start;
        lexicon.ruleIndex().forCandidates(word(padded, at), entry -> {
          RiskLexicon.Rule rule = entry.owner();
          if (!found.containsKey(rule.id())) {
            int end = matchEnd(entry.phrase(), padded, at);
            if (end > 0) {
              found.put(rule.id(), new RiskResult.Match(rule.id(), rule.category(), rule.severity(), padded.substring(at, end)));
            }
          }
        });
      }
    }
    return RiskResult.of(found.values());
  }

  /** The text with each idiom, the longest one starting at a word, replaced by {@link #BLANK}. */
  private String withoutIdioms(String padded) {
    StringBuilder out = new StringBuilder(padded.length());
    int copied = 0;
    int start = 1;
    while (start < padded.length()) {
      int at = start;
      int[] longest = {-1};
      lexicon.exclusionIndex().forCandidates(word(padded, at), entry -> longest[0] = Math.max(longest[0], matchEnd(entry.phrase(), padded, at)));
      if (longest[0] > 0) {
        out.append(padded, copied, at).append(BLANK);
        copied = longest[0];
        start = longest[0] + 1;
      } else {
        start = padded.indexOf(' ', start) + 1;
      }
    }
    return out.append(padded, copied, padded.length()).toString();
  }

  private static String word(String padded, int start) {
    return padded.substring(start, padded.indexOf(' ', start));
  }

  /** Where the phrase's match starting exactly at {@code at} ends, or -1. */
  private int matchEnd(Phrase phrase, String padded, int at) {
    Matcher matcher = matchers.get().computeIfAbsent(phrase.regex(), regex -> regex.matcher(""));
    matcher.reset(padded).region(at, padded.length()).useTransparentBounds(true);
    return matcher.lookingAt() ? matcher.end() : -1;
  }
}
