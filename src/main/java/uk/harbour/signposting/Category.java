package uk.harbour.signposting;

import java.util.Locale;
import java.util.Optional;

/** What kind of help an entry is; the order is the order on the Help now page after crisis. */
public enum Category {
  CRISIS("Crisis and staying safe"),
  HEALTH("Health and mental health"),
  HOUSING("Housing"),
  MONEY("Money"),
  EDUCATION("Education"),
  TRAINING("Training and apprenticeships"),
  EMPLOYMENT("Jobs and work"),
  ADVICE("Advice and speaking up");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Category> fromWire(String text) {
    for (Category c : values()) {
      if (c.wireName().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
