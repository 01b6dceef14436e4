package uk.harbour.identity;

import java.util.Locale;
import java.util.Optional;
import uk.harbour.web.HarbourException;

/**
 * How a young person signs in on a new phone: a passphrase (three or more words, 12+ letters), or
 * a 6-digit PIN plus a memorable word. Both are stored as one Argon2id hash of a normalised form,
 * so "PIN word" typed at sign-in matches either way it was entered.
 */
public final class CareLeaverSecret {

  private CareLeaverSecret() {}

  /** Checks a passphrase and returns the form to hash. */
  public static String passphrase(String passphrase) {
    String normalised = normalise(passphrase);
    if (normalised.replace(" ", "").length() < 12 || normalised.split(" ").length < 3) {
      throw HarbourException.badRequest(
          "weak_secret", "Use three or more words with at least 12 letters in all, like 'purple river toast'.");
    }
    if (normalised.length() > 200) {
      throw HarbourException.badRequest("weak_secret", "That passphrase is too long.");
    }
    return normalised;
  }

  /** Checks a PIN and memorable word and returns the form to hash. */
  public static String pinAndWord(String pin, String word) {
    pinProblem(pin).or(() -> wordProblem(word)).ifPresent(problem -> {
      throw HarbourException.badRequest("weak_secret", problem);
    });
    return pin + " " + normalise(word);
  }

  /** What is wrong with a chosen PIN, if anything. */
  public static Optional<String> pinProblem(String pin) {
    if (pin == null || !pin.matches("[0-9]{6}")) {
      return Optional.of("Your PIN must be 6 numbers.");
    }
    if (pin.chars().distinct().count() == 1 || "0123456789".contains(pin) || "9876543210".contains(pin)) {
      return Optional.of("That PIN is too easy to guess. Avoid repeated or counting numbers.");
    }
    return Optional.empty();
  }

  /** What is wrong with a chosen memorable word, if anything. */
  public static Optional<String> wordProblem(String word) {
    String w = normalise(word);
    if (w.length() < 4 || w.length() > 60 || w.contains(" ")) {
      return Optional.of("Your memorable word must be one word of at least 4 letters.");
    }
    return Optional.empty();
  }

  /** What the young person typed at sign-in, in the same normal form. */
  public static Optional<String> typed(String typed) {
    String normalised = normalise(typed);
    return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
  }

  private static String normalise(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
