package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

/** The lexicon and guidance files come from configuration; a bad one stops Harbour starting. */
@DisplayName("A bad safety file stops start-up with one line naming the file and the problem")
@Timeout(120)
class SafetyStartupTest {

  /** Starts Harbour with that safety file, on a store in {@code dir}, and returns why it did not start. */
  private static String startFailure(String key, Path file, Path dir) {
    JsonObject overrides = new JsonObject().put("safety", new JsonObject().put(key, file.toString()))
        .put("store", new JsonObject().put("dataDir", dir.resolve("data").toString()));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunningHarbour.start(TestClock.at("2026-11-28T23:00"), overrides).close());
    // The failed start let go of its store: the file opens at once (H2 refuses a file still open).
    try (EmbeddedStore again = EmbeddedStore.start(dir.resolve("data").resolve("harbour.mv.db"))) {
      assertFalse(again.connectionString().isEmpty());
    }
    // What Harbour failed with, and logs as "Harbour could not start: <message>" (under the test's future).
    Throwable cause = e.getCause() instanceof java.util.concurrent.ExecutionException wrapped ? wrapped.getCause() : e.getCause();
    String message = cause.getMessage();
    assertFalse(message.contains("\n"), "one line: " + message);
    return message;
  }

  @Test
  @DisplayName("A lexicon with an unknown category")
  void badLexicon(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lexicon.yaml");
    Files.writeString(file, Files.readString(RiskTableTest.LEXICON).replace("category: no_safe_place", "category: no_bed"));
    String message = startFailure("lexicon", file, dir);
    assertTrue(message.startsWith(file + ": rules["), message);
    assertTrue(message.contains("must be one of suicide_self_harm, immediate_danger, abuse_exploitation, no_safe_place"), message);
  }

  @Test
  @DisplayName("A guidance file without a category")
  void badGuidance(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("guidance.yaml");
    String yaml = Files.readString(SafetyGuidanceTest.GUIDANCE);
    Files.writeString(file, yaml.substring(0, yaml.indexOf("  no_safe_place:")));
    String message = startFailure("guidance", file, dir);
    assertTrue(message.startsWith(file + ": categories.no_safe_place is missing"), message);
  }

  @Test
  @DisplayName("A lexicon file that is not there")
  void missingFile(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.yaml");
    String message = startFailure("lexicon", file, dir);
    assertTrue(message.equals(file + " could not be read (NoSuchFileException)"), message);
  }
}
