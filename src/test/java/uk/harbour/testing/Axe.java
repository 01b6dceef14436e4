package uk.harbour.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (vendored from the npm package as a test resource, MPL-2.0, so nothing is fetched
 * at test time) on the page a browser shows, against WCAG 2.0, 2.1 and 2.2 A and AA.
 */
public final class Axe {

  private static final String SCRIPT = load();
  private static final String RUN =
      "const done = arguments[arguments.length - 1];"
          + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})"
          + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
          + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))"
          + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));";

  private Axe() {}

  /** The page's violations, one readable line each; empty when there are none. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SCRIPT);
    }
    List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
    return found.stream()
        .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
        .collect(Collectors.toList());
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe-core is missing from the test resources (src/test/resources/axe/axe.min.js)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
