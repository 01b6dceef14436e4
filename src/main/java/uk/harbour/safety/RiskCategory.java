package uk.harbour.safety;

import java.util.Locale;
import java.util.Optional;

/** What kind of risk a young person's words show; the lexicon and the staff guidance use these ids. */
public enum RiskCategory {
  /** Thoughts of suicide, plans, self-harm, overdose. */
  SUICIDE_SELF_HARM,
  /** Violence, weapons, being followed or threatened, someone hurting them now. */
  IMMEDIATE_DANGER,
  /** Sexual, criminal or county-lines exploitation, domestic abuse, being made to do things. */
  ABUSE_EXPLOITATION,
  /** Nowhere to sleep tonight, kicked out, sleeping rough. */
  NO_SAFE_PLACE;

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
