package uk.harbour.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import uk.harbour.web.HarbourException;

/**
 * Staff passwords: 12 to 128 characters, not a common password (also with digits or punctuation
 * added at the end), and not containing the username.
 */
public final class PasswordPolicy {

  public static final int MIN = 12;
  public static final int MAX = 128;

  private final Set<String> common;

  public PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** Reads the bundled list (blocking: call at start, on a worker). */
  public static PasswordPolicy load(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return new PasswordPolicy(
          lines.filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }
  }

  public void check(String password, String username) {
    if (password.length() < MIN) {
      throw weak("Use at least " + MIN + " characters. A few words together is easiest to remember.");
    }
    if (password.length() > MAX) {
      throw weak("Use at most " + MAX + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String core = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
    if (common.contains(lower) || (!core.isEmpty() && common.contains(core))) {
      throw weak("That password is too common. Choose something less easy to guess.");
    }
    if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
      throw weak("Your password must not contain your username.");
    }
  }

  private static HarbourException weak(String message) {
    return HarbourException.badRequest("weak_password", message);
  }
}
