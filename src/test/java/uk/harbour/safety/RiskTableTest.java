package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The labelled table (src/test/resources/uk/harbour/safety/risk-phrases.csv) against the real
 * lexicon in config/safety/lexicon.yaml. Prints precision and recall; every should-flag row must
 * flag with its category (100 % recall), and at least 85 % of the rows that flag must be ones
 * that should.
 */
@DisplayName("The risk lexicon against the labelled table of phrases")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RiskTableTest {

  static final Path LEXICON = Path.of("config/safety/lexicon.yaml");
  private static final double MIN_PRECISION = 0.85;

  record Row(int line, boolean shouldFlag, Optional<RiskCategory> category, String phrase) {}

  private static List<Row> rows;
  private static RiskCheck check;

  @BeforeAll
  static void load() throws IOException {
    rows = table();
    check = new RiskCheck(RiskLexicon.parse(Files.readString(LEXICON)));
  }

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = RiskTableTest.class.getResourceAsStream("risk-phrases.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("expected,")) {
          continue;
        }
        String[] cells = line.split(",", 3);
        if (cells.length != 3 || !(cells[0].equals("flag") || cells[0].equals("none"))) {
          throw new IllegalStateException("risk-phrases.csv line " + (i + 1) + " is not expected,category,phrase");
        }
        boolean flag = cells[0].equals("flag");
        Optional<RiskCategory> category = RiskCategory.fromId(cells[1]);
        if (flag != category.isPresent()) {
          throw new IllegalStateException("risk-phrases.csv line " + (i + 1) + ": a flag row names its category, a none row none");
        }
        rows.add(new Row(i + 1, flag, category, cells[2]));
      }
    }
    return rows;
  }

  @Test
  @DisplayName("The table has at least 150 phrases, both kinds, and every category")
  void tableIsBigEnough() {
    assertTrue(rows.size() >= 150, "rows: " + rows.size());
    Map<RiskCategory, Integer> perCategory = new EnumMap<>(RiskCategory.class);
    rows.forEach(row -> row.category().ifPresent(c -> perCategory.merge(c, 1, Integer::sum)));
    for (RiskCategory category : RiskCategory.values()) {
      assertTrue(perCategory.getOrDefault(category, 0) >= 20, category + " has " + perCategory.get(category) + " rows");
    }
    assertTrue(rows.stream().filter(r -> !r.shouldFlag()).count() >= 50, "should-not-flag rows");
  }

  @Test
  @DisplayName("Every should-flag phrase flags with its category (100 % recall) and at least 85 % of flags are right")
  void recallAndPrecision() {
    List<String> missed = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    int shouldFlag = 0;
    int caught = 0;
    int flagged = 0;
    int rightlyFlagged = 0;
    for (Row row : rows) {
      RiskResult result = check.check(row.phrase());
      if (row.shouldFlag()) {
        shouldFlag++;
        if (result.flag() && result.categories().contains(row.category().orElseThrow())) {
          caught++;
        } else {
          missed.add("line " + row.line() + " '" + row.phrase() + "' (" + row.category().orElseThrow().id() + ") gave " + result.categories());
        }
      }
      if (result.flag()) {
        flagged++;
        if (row.shouldFlag()) {
          rightlyFlagged++;
        } else {
          falseAlarms.add("line " + row.line() + " '" + row.phrase() + "' matched " + result.matched());
        }
      }
    }
    double recall = (double) caught / shouldFlag;
    double precision = flagged == 0 ? 1.0 : (double) rightlyFlagged / flagged;
    System.out.printf("Risk table: %d rows, %d should flag. Recall %.1f %% (%d/%d), precision %.1f %% (%d/%d)%n",
        rows.size(), shouldFlag, 100 * recall, caught, shouldFlag, 100 * precision, rightlyFlagged, flagged);
    missed.forEach(m -> System.out.println("  missed: " + m));
    falseAlarms.forEach(f -> System.out.println("  false alarm: " + f));
    assertEquals(List.of(), missed, "every should-flag row must flag with its category");
    assertTrue(precision >= MIN_PRECISION, String.format("precision %.3f below %.2f: %s", precision, MIN_PRECISION, falseAlarms));
  }

  /** One check serves every event loop at once (it keeps a matcher per thread and phrase). */
  @Test
  @DisplayName("Four threads reading the table at once get what one thread gets")
  void sameResultsFromManyThreads() throws Exception {
    List<RiskResult> alone = rows.stream().map(row -> check.check(row.phrase())).toList();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<RiskResult>>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        // Each thread starts at another row, so the same phrases are tried on several threads at once.
        readers.add(() -> {
          List<RiskResult> results = new ArrayList<>(alone);
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < rows.size(); i++) {
              int at = (i + offset * rows.size() / 4) % rows.size();
              results.set(at, check.check(rows.get(at).phrase()));
              if (!results.get(at).equals(alone.get(at))) {
                return results;
              }
            }
          }
          return results;
        });
      }
      for (Future<List<RiskResult>> reader : threads.invokeAll(readers)) {
        assertEquals(alone, reader.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
