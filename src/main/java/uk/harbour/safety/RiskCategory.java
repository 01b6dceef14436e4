package uk.harbour.safety;

import java.util.Locale;
import java.util.Optional;

/** What kind of risk a young person's words show; the lexicon and the staff guidance use these ids. */
public enum RiskCategory {
  /** Thoughts of suicide, plans, self-harm, overdose. */
  SUICIDE_SELF_HARM("suicide or self-harm"),
  /** Violence, weapons, being followed or threatened, someone hurting them now. */
  IMMEDIATE_DANGER("in danger now"),
  /** Sexual, criminal or county-lines exploitation, domestic abuse, being made to do things. */
  ABUSE_EXPLOITATION("abuse or exploitation"),
  /** Nowhere to sleep tonight, kicked out, sleeping rough. */
  NO_SAFE_PLACE("no safe place tonight");

  private final String words;

  RiskCategory(String words) {
    this.words = words;
  }

  /** Plain words for records staff read: "abuse or exploitation". */
  public String words() {
    return words;
  }

  /** The plain words for a category id, or the id itself if it is not one. */
  public static String wordsFor(String id) {
    return fromId(id).map(RiskCategory::words).orElse(id);
  }

  /** The id in files and JSON: {@code suicide_self_harm}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RiskCategory> fromId(String id) {
    for (RiskCategory category : values()) {
      if (category.id().equals(id)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
