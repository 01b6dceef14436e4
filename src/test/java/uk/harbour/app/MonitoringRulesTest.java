package uk.harbour.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

/** The alerting rules shipped in ops/ watch metrics Harbour really serves, so no rule waits in vain. */
@DisplayName("Every metric the Prometheus rules in ops/prometheus use is served by /metrics")
@Timeout(120)
class MonitoringRulesTest {

  private static final Path RULES = Path.of("ops/prometheus/harbour-rules.yml");
  private static final Pattern METRIC = Pattern.compile("\\b((?:harbour|vertx|jvm)_[a-z_]+)\\b");

  @Test
  @DisplayName("Each rule has an alert name, an expression, a severity of page or ticket and a summary, and names only served metrics")
  void rulesWatchServedMetrics() throws IOException {
    List<Map<String, Object>> rules = rules();
    assertFalse(rules.isEmpty());
    Set<String> used = new TreeSet<>();
    for (Map<String, Object> rule : rules) {
      String name = (String) rule.get("alert");
      assertTrue(name != null && name.startsWith("Harbour"), "named: " + rule);
      @SuppressWarnings("unchecked")
      Map<String, String> labels = (Map<String, String>) rule.get("labels");
      assertTrue(Set.of("page", "ticket").contains(labels.get("severity")), name + " has a severity");
      @SuppressWarnings("unchecked")
      Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
      assertFalse(annotations.get("summary").isBlank(), name + " says what is wrong");
      Matcher metric = METRIC.matcher((String) rule.get("expr"));
      while (metric.find()) {
        used.add(metric.group(1));
      }
    }
    assertTrue(used.contains("harbour_alerts_unseen_total"), "the unseen-alert rule is there: " + used);

    try (RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-28T22:00"))) {
      new Fixtures(harbour).staff("dana", Role.ADVISER);
      assertEquals(200, new TestSession(harbour).signInStaff("dana", Fixtures.PASSWORD).statusCode(), "a sign-in, so the hashing pool has worked");
      String served = RunningHarbour.await(harbour.http().get("/metrics").send()).bodyAsString();
      for (String name : used) {
        assertTrue(served.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")), name + " is served");
      }
      assertTrue(served.contains("pool_name=\"harbour-password-hashing\""), "the hashing pool is told apart");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(RULES));
    List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
    return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
  }
}
