package uk.harbour.safety;

import java.util.Locale;
import java.util.Optional;

/** How serious a lexicon rule is; a message's severity is the highest of the rules it matched. */
public enum Severity {
  MEDIUM,
  HIGH;

  /** The id in files and JSON: {@code high}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> fromId(String id) {
    for (Severity severity : values()) {
      if (severity.id().equals(id)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
