package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.web.HarbourException;
import uk.harbour.web.YamlInput;

@DisplayName("Staff guidance for each risk category")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SafetyGuidanceTest {

  static final Path GUIDANCE = Path.of("config/safety/guidance.yaml");
  private static final SafetyGuidance.Council COUNCIL = new SafetyGuidance.Council("Test Borough Council", "0161 496 0999");
  /**
   * The only numbers the guidance may give: checked entries of the national catalogue (999 and
   * its 55, NHS 111, Samaritans, Shout) and the council's own number from configuration.
   */
  private static final String[] CHECKED_NUMBERS = {COUNCIL.outOfHoursPhone(), "116 123", "85258", "999", "111", "55"};

  private static String yaml;
  private static SafetyGuidance guidance;

  @BeforeAll
  static void load() throws Exception {
    yaml = Files.readString(GUIDANCE);
    guidance = SafetyGuidance.parse(yaml, COUNCIL);
  }

  @Test
  @DisplayName("Every category has a title, steps naming the council's emergency duty team and its number, and cards")
  void everyCategory() {
    for (RiskCategory category : RiskCategory.values()) {
      SafetyGuidance.Advice advice = guidance.forCategory(category);
      assertEquals(category, advice.category());
      assertFalse(advice.title().isBlank());
      assertTrue(advice.steps().size() >= 3, category + ": " + advice.steps());
      String steps = String.join("\n", advice.steps());
      assertTrue(steps.contains("Test Borough Council emergency duty team on 0161 496 0999"), category + ": " + steps);
      assertFalse(steps.contains("{"), "every placeholder filled in: " + steps);
      assertTrue(advice.cards().contains("emergency-999"), category + " offers 999");
    }
    assertTrue(String.join(" ", guidance.forCategory(RiskCategory.SUICIDE_SELF_HARM).steps()).contains("Samaritans on 116 123"));
  }

  @Test
  @DisplayName("The guidance gives no phone number that is not checked: only 999, 111, Samaritans, Shout and the council's")
  void onlyCheckedNumbers() {
    for (RiskCategory category : RiskCategory.values()) {
      String steps = String.join("\n", guidance.forCategory(category).steps());
      for (String number : CHECKED_NUMBERS) {
        steps = steps.replace(number, "");
      }
      assertFalse(steps.matches("(?s).*\\d.*"), category + " has a number not in the checked list: " + steps);
    }
  }

  @Test
  @DisplayName("Every card the guidance suggests is an entry of the national catalogue")
  void cardsAreCatalogueEntries() throws Exception {
    Object national = YamlInput.parse(Files.readString(Path.of("config/signposting/national.yaml")));
    Set<String> ids = new HashSet<>();
    ((JsonObject) national).getJsonArray("entries").forEach(entry -> ids.add(((JsonObject) entry).getString("id")));
    for (RiskCategory category : RiskCategory.values()) {
      for (String card : guidance.forCategory(category).cards()) {
        assertTrue(ids.contains(card), category + " suggests " + card + ", which the catalogue does not have");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "a missing category => '  no_safe_place:' => '  no_safe_place_x:' => categories.no_safe_place_x is not a risk category",
        "an unknown placeholder => '{councilPhone}. It handles' => '{phone}. It handles' => has an unknown {placeholder}",
        "a bad card id => '[emergency-999, samaritans]' => '[emergency-999, Samaritans!]' => must be a catalogue entry id"
      })
  @DisplayName("A bad guidance file is refused with bad_guidance and a message naming the place")
  void badFiles(String name, String from, String to, String message) {
    String broken = yaml.replace(from, to);
    assertFalse(broken.equals(yaml), "the test changes the file: " + name);
    HarbourException e = assertThrows(HarbourException.class, () -> SafetyGuidance.parse(broken, COUNCIL), name);
    assertEquals("bad_guidance", e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  @DisplayName("A category without guidance is refused")
  void missingCategory() {
    String withoutLast = yaml.substring(0, yaml.indexOf("  no_safe_place:"));
    HarbourException e = assertThrows(HarbourException.class, () -> SafetyGuidance.parse(withoutLast, COUNCIL));
    assertEquals("bad_guidance", e.code());
    assertTrue(e.getMessage().contains("categories.no_safe_place is missing"), e.getMessage());
  }

  @Test
  @DisplayName("No steps, too many steps or cards, or an unknown field, are refused")
  void limits() {
    for (String steps : new String[] {"[]", "[" + "a, ".repeat(SafetyGuidance.MAX_STEPS) + "a]"}) {
      String file = "categories:\n" + String.join("", java.util.Arrays.stream(RiskCategory.values())
          .map(c -> "  " + c.id() + ":\n    title: T\n    steps: " + steps + "\n").toList());
      assertTrue(assertThrows(HarbourException.class, () -> SafetyGuidance.parse(file, COUNCIL)).getMessage().contains("must list 1 to 12 steps"), steps);
    }
    String cards = yaml.replace("cards: [emergency-999]", "cards: [" + "emergency-999, ".repeat(SafetyGuidance.MAX_CARDS) + "emergency-999]");
    assertTrue(assertThrows(HarbourException.class, () -> SafetyGuidance.parse(cards, COUNCIL)).getMessage().contains("at most 10 cards"));
    HarbourException unknown = assertThrows(HarbourException.class, () -> SafetyGuidance.parse(yaml.replace("    title: In danger now", "    title: In danger now\n    colour: red"), COUNCIL));
    assertEquals("unknown_field", unknown.code());
  }
}
