package uk.harbour.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import uk.harbour.web.HarbourException;

/**
 * The safety feature's entry point: the risk check every care leaver's message goes through and
 * the staff guidance for what it flags, both read from configuration once at start.
 */
public final class Safety {

  private final RiskCheck check;
  private final SafetyGuidance guidance;

  public Safety(RiskCheck check, SafetyGuidance guidance) {
    this.check = Objects.requireNonNull(check);
    this.guidance = Objects.requireNonNull(guidance);
  }

  /**
   * Reads and checks the lexicon and guidance files. Blocking (file reads, compiling the lexicon):
   * call it from {@code executeBlocking}. A problem fails with one line naming the file and what
   * is wrong, which stops Harbour starting.
   */
  public static Safety load(Path lexicon, Path guidance, SafetyGuidance.Council council) {
    RiskLexicon words = parsed(lexicon, RiskLexicon::parse);
    SafetyGuidance advice = parsed(guidance, yaml -> SafetyGuidance.parse(yaml, council));
    return new Safety(new RiskCheck(words), advice);
  }

  /** The check for one message: pure, cheap, safe from any thread (the event loop included). */
  public RiskResult check(String text) {
    return check.check(text);
  }

  public SafetyGuidance guidance() {
    return guidance;
  }

  private static <T> T parsed(Path file, Function<String, T> parser) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(file + " could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return parser.apply(text);
    } catch (HarbourException e) {
      throw HarbourException.badRequest(e.code(), file + ": " + e.getMessage());
    }
  }
}
