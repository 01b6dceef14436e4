package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the docs and the code in step: every error code the main code can send (an HTTP error body
 * or a socket {@code error} frame) must be named, in backquotes, in docs/api.md or
 * docs/chat-protocol.md. Codes are read from the source, where they are always string literals.
 */
@DisplayName("Every error code the server can send is documented")
@Timeout(30)
class ErrorCodesDocumentedTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final List<Path> DOCS = List.of(Path.of("docs/api.md"), Path.of("docs/chat-protocol.md"));

  /**
   * The shapes a code is given in: {@code HarbourException.badRequest("code"},
   * {@code HarbourException.conflict("code"}, {@code new HarbourException(409, "code"} (also inside
   * HarbourException's own factories and the failure handler's status table) and a socket
   * connection's {@code error("code"}.
   */
  private static final Pattern CODE =
      Pattern.compile(
          "HarbourException\\.(?:badRequest|conflict)\\(\\s*\"([^\"]*)\""
              + "|new HarbourException\\(\\s*\\d+\\s*,\\s*\"([^\"]*)\""
              + "|(?<![.\\w])error\\(\\s*\"([^\"]*)\"");

  /** Any code argument at all, to catch one that is not a literal (and so could not be checked). */
  private static final Pattern CODE_ARGUMENT =
      Pattern.compile("HarbourException\\.(?:badRequest|conflict)\\(\\s*([^,]+?)\\s*,|new HarbourException\\(\\s*[^,]+,\\s*([^,]+?)\\s*,");

  /** Passing on another exception's code (e.g. to reword its message) adds no new code. */
  private static final Pattern PASSED_ON = Pattern.compile("\"[^\"]*\"|\\w+\\.code\\(\\)");

  private static final Pattern STABLE_CODE = Pattern.compile("[a-z]+(?:_[a-z]+)*");

  private static Map<String, Set<String>> codes;
  private static String docs;

  @BeforeAll
  static void read() {
    codes = new TreeMap<>();
    for (Path file : javaFiles()) {
      Matcher m = CODE.matcher(text(file));
      while (m.find()) {
        String code = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        codes.computeIfAbsent(code, c -> new TreeSet<>()).add(file.getFileName().toString());
      }
    }
    StringBuilder all = new StringBuilder();
    DOCS.forEach(doc -> all.append(text(doc)).append('\n'));
    docs = all.toString();
  }

  @Test
  @DisplayName("The source scan finds the codes every client meets, so an empty or broken scan cannot pass")
  void scanFindsKnownCodes() {
    for (String code : List.of("bad_json", "not_found", "forbidden", "unauthorized", "too_large", "unsupported_media_type", "internal_error", "bad_date", "rate_limited")) {
      assertTrue(codes.containsKey(code), code + " not found by the scan; found " + codes.keySet());
    }
  }

  @Test
  @DisplayName("Each code is a stable lower_snake_case word")
  void codesAreStable() {
    Set<String> odd = new TreeSet<>();
    codes.keySet().stream().filter(c -> !STABLE_CODE.matcher(c).matches()).forEach(odd::add);
    assertEquals(Set.of(), odd, "codes that are not lower_snake_case");
  }

  @Test
  @DisplayName("Each code is written as a literal where it is raised, so this test can see it")
  void codesAreLiterals() {
    Set<String> computed = new TreeSet<>();
    for (Path file : javaFiles()) {
      if (file.endsWith("HarbourException.java")) {
        continue; // its factories take the code their callers give
      }
      Matcher m = CODE_ARGUMENT.matcher(text(file));
      while (m.find()) {
        String argument = m.group(1) != null ? m.group(1) : m.group(2);
        if (!PASSED_ON.matcher(argument).matches()) {
          computed.add(file.getFileName() + ": " + argument);
        }
      }
    }
    assertEquals(Set.of(), computed, "codes computed at run time: write each one out");
  }

  @Test
  @DisplayName("Each code is named in docs/api.md or docs/chat-protocol.md")
  void everyCodeIsDocumented() {
    Map<String, Set<String>> missing = new TreeMap<>();
    codes.forEach(
        (code, files) -> {
          if (!docs.contains("`" + code + "`")) {
            missing.put(code, files);
          }
        });
    assertEquals(Map.of(), missing, "error codes sent but documented nowhere (code = where it is raised)");
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
