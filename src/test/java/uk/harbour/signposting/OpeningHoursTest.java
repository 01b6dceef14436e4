package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.calendar.BankHolidays;

@DisplayName("Opening hours")
@Timeout(30)
class OpeningHoursTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  // 2026-12-25 (Fri) and 2026-12-28 (Mon, Boxing Day substitute) are bank holidays in config/bank-holidays.yaml.
  static final BankHolidays HOLIDAYS =
      new BankHolidays(Map.of(LocalDate.parse("2026-12-25"), "Christmas Day", LocalDate.parse("2026-12-28"), "Boxing Day (substitute)"));

  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  static OpeningHours hours(String json) {
    JsonObject entry =
        new JsonObject()
            .put("id", "test-entry")
            .put("category", "advice")
            .put("name", "Test")
            .put("summary", "Test")
            .put("eligibility", new JsonObject().put("text", "Anyone"))
            .put("contact", new JsonObject().put("phone", "0161 496 0999"))
            .put("hours", new JsonObject(json))
            .put("source", "https://example.org/");
    return CatalogueJson.parse(entry, LONDON).hours();
  }

  /** Office hours with a Christmas Eve short day, closed on bank holidays. */
  static final OpeningHours OFFICE =
      hours(
          """
          {"regularSchedules": [{"byDay": ["MO","TU","WE","TH","FR"], "opensAt": "09:00", "closesAt": "17:00"}],
           "holidaySchedules": [{"startDate": "2026-12-24", "opensAt": "09:00", "closesAt": "13:00"}],
           "bankHolidays": "closed"}""");

  /** A council out-of-hours team: evenings and nights, all weekend, all day on bank holidays. */
  static final OpeningHours OUT_OF_HOURS =
      hours(
          """
          {"regularSchedules": [
             {"byDay": ["MO","TU","WE","TH"], "opensAt": "17:00", "closesAt": "08:45"},
             {"byDay": ["FR"], "opensAt": "16:45", "closesAt": "24:00"},
             {"byDay": ["SA","SU"], "opensAt": "00:00", "closesAt": "24:00"},
             {"byDay": ["MO"], "opensAt": "00:00", "closesAt": "08:45"}],
           "bankHolidays": "all_day"}""");

  @ParameterizedTest(name = "{0} -> open {1}")
  @CsvSource({
    "2026-11-23T08:59:59, false",
    "2026-11-23T09:00, true",
    "2026-11-23T16:59:59, true",
    "2026-11-23T17:00, false",
    "2026-11-28T12:00, false", // Saturday
    "2026-12-24T12:59, true", // dated short day
    "2026-12-24T13:00, false",
    "2026-12-25T10:00, false", // bank holiday: closed
    "2026-12-28T10:00, false", // substitute bank holiday: closed
    "2026-12-29T10:00, true"
  })
  @DisplayName("office hours open at the opening minute and close at the closing minute")
  void officeBoundaries(String at, boolean open) {
    assertEquals(open, OFFICE.isOpen(london(at), HOLIDAYS));
  }

  @ParameterizedTest(name = "{0} -> open {1}")
  @CsvSource({
    "2026-11-23T08:44:59, true", // Monday early hours, from the weekend
    "2026-11-23T08:45, false",
    "2026-11-23T16:59, false",
    "2026-11-23T17:00, true",
    "2026-11-24T03:00, true", // past midnight, Monday's night
    "2026-11-27T08:44, true", // Friday morning, Thursday's night
    "2026-11-27T12:00, false",
    "2026-11-27T16:45, true",
    "2026-11-28T00:00, true", // Friday 24:00 runs into Saturday
    "2026-11-29T23:59, true",
    "2026-12-25T12:00, true", // bank holiday Friday: all day
    "2026-12-28T12:00, true" // bank holiday Monday: all day
  })
  @DisplayName("an overnight out-of-hours pattern runs past midnight and covers bank holidays all day")
  void overnight(String at, boolean open) {
    assertEquals(open, OUT_OF_HOURS.isOpen(london(at), HOLIDAYS));
  }

  @Test
  @DisplayName("a dated closure replaces what opens that day, not a night that opened the day before")
  void closureKeepsTheNightBefore() {
    OpeningHours nights = hours(
        """
        {"regularSchedules": [{"byDay": ["MO","TU","WE","TH","FR","SA","SU"], "opensAt": "20:00", "closesAt": "02:00"}],
         "holidaySchedules": [{"startDate": "2026-12-25", "closed": true}],
         "bankHolidays": "usual"}""");
    assertTrue(nights.isOpen(london("2026-12-25T01:00"), HOLIDAYS), "Christmas Eve's night runs to 02:00");
    assertFalse(nights.isOpen(london("2026-12-25T21:00"), HOLIDAYS), "Christmas night is closed");
    assertTrue(nights.isOpen(london("2026-12-26T21:00"), HOLIDAYS));
  }

  @Test
  @DisplayName("the next change is the closing time when open, and the next opening when closed")
  void nextChange() {
    assertEquals(Optional.of(london("2026-11-23T17:00")), OFFICE.nextChange(london("2026-11-23T10:00"), HOLIDAYS));
    assertEquals(Optional.of(london("2026-11-30T09:00")), OFFICE.nextChange(london("2026-11-27T17:00"), HOLIDAYS));
    // Christmas: short day on the 24th, closed on 25th and 28th (bank holidays), open again on the 29th.
    assertEquals(Optional.of(london("2026-12-29T09:00")), OFFICE.nextOpen(london("2026-12-24T13:00"), HOLIDAYS));
    // Friday evening to Monday morning is one stretch, not a close at each midnight.
    assertEquals(Optional.of(london("2026-11-30T08:45")), OUT_OF_HOURS.nextChange(london("2026-11-27T18:00"), HOLIDAYS));
    Instant open = london("2026-11-23T10:00");
    assertEquals(Optional.of(open), OFFICE.nextOpen(open, HOLIDAYS));
  }

  @Test
  @DisplayName("across the spring clock change, a night shift is an hour shorter and still ends at 08:45 local time")
  void springForward() {
    // Sunday 29 March 2026: clocks go from 01:00 GMT to 02:00 BST.
    OpeningHours nights = hours("""
        {"regularSchedules": [{"byDay": ["SA","SU"], "opensAt": "22:00", "closesAt": "08:45"}], "bankHolidays": "usual"}""");
    assertTrue(nights.isOpen(london("2026-03-29T00:30"), HOLIDAYS));
    assertTrue(nights.isOpen(Instant.parse("2026-03-29T01:30:00Z"), HOLIDAYS)); // 02:30 BST
    assertTrue(nights.isOpen(london("2026-03-29T08:44"), HOLIDAYS));
    assertFalse(nights.isOpen(london("2026-03-29T08:45"), HOLIDAYS));
    assertEquals(Optional.of(Instant.parse("2026-03-29T07:45:00Z")), nights.nextChange(london("2026-03-29T03:00"), HOLIDAYS));
  }

  @Test
  @DisplayName("across the autumn clock change, an hour that happens twice is open both times")
  void fallBack() {
    // Sunday 25 October 2026: 01:00-02:00 happens twice (BST then GMT).
    OpeningHours nights = hours("""
        {"regularSchedules": [{"byDay": ["SA"], "opensAt": "23:00", "closesAt": "03:00"}], "bankHolidays": "usual"}""");
    assertTrue(nights.isOpen(Instant.parse("2026-10-25T00:30:00Z"), HOLIDAYS)); // 01:30 BST
    assertTrue(nights.isOpen(Instant.parse("2026-10-25T01:30:00Z"), HOLIDAYS)); // 01:30 GMT
    assertTrue(nights.isOpen(Instant.parse("2026-10-25T02:59:00Z"), HOLIDAYS)); // 02:59 GMT
    assertFalse(nights.isOpen(Instant.parse("2026-10-25T03:00:00Z"), HOLIDAYS));
    // A 23:00 to 03:00 shift lasts five hours that night.
    assertEquals(Optional.of(Instant.parse("2026-10-25T03:00:00Z")), nights.nextChange(london("2026-10-24T23:00"), HOLIDAYS));
  }

  @Test
  @DisplayName("a local time inside the spring gap opens an hour later rather than never")
  void openingInTheGap() {
    OpeningHours early = hours("""
        {"regularSchedules": [{"byDay": ["SU"], "opensAt": "01:30", "closesAt": "04:00"}], "bankHolidays": "usual"}""");
    assertFalse(early.isOpen(Instant.parse("2026-03-29T00:59:00Z"), HOLIDAYS));
    assertTrue(early.isOpen(Instant.parse("2026-03-29T01:30:00Z"), HOLIDAYS)); // 02:30 BST
    assertFalse(early.isOpen(Instant.parse("2026-03-29T03:00:00Z"), HOLIDAYS)); // 04:00 BST
  }

  @ParameterizedTest(name = "bank holidays {0}: open at 12:00 on Christmas Day? {1}")
  @CsvSource({"usual, true", "closed, false", "all_day, true", "sunday, false", "unknown, false"})
  @DisplayName("the bank-holiday rule decides what a bank holiday does to a Friday opening")
  void bankHolidayRules(String rule, boolean open) {
    OpeningHours h = hours("""
        {"regularSchedules": [{"byDay": ["FR"], "opensAt": "10:00", "closesAt": "16:00"}], "bankHolidays": "%s"}""".formatted(rule));
    assertEquals(open, h.isOpen(london("2026-12-25T12:00"), HOLIDAYS));
    assertTrue(h.isOpen(london("2026-12-18T12:00"), HOLIDAYS), "an ordinary Friday is unaffected");
  }

  @Test
  @DisplayName("on a bank holiday with Sunday hours, the Sunday hours apply")
  void sundayHours() {
    OpeningHours h = hours("""
        {"regularSchedules": [{"byDay": ["MO"], "opensAt": "09:00", "closesAt": "17:00"}, {"byDay": ["SU"], "opensAt": "12:00", "closesAt": "14:00"}],
         "bankHolidays": "sunday"}""");
    assertFalse(h.isOpen(london("2026-12-28T10:00"), HOLIDAYS));
    assertTrue(h.isOpen(london("2026-12-28T13:00"), HOLIDAYS));
  }

  @Test
  @DisplayName("always-open services are always open and unconfirmed hours are never shown as open")
  void alwaysAndUnknown() {
    OpeningHours always = hours("{\"always\": true}");
    OpeningHours unknown = hours("{\"unknown\": true}");
    for (String at : new String[] {"2026-12-25T03:00", "2026-03-29T01:30", "2026-11-23T12:00"}) {
      assertTrue(always.isOpen(london(at), HOLIDAYS));
      assertFalse(unknown.isOpen(london(at), HOLIDAYS));
    }
    assertEquals(Optional.empty(), unknown.nextOpen(london("2026-11-23T12:00"), HOLIDAYS));
  }

  @Test
  @DisplayName("a card's status says in words whether it is open and until or from when")
  void statusWords() {
    assertEquals("Open now until 17:00", CardView.status(OFFICE, london("2026-11-23T10:00"), HOLIDAYS).getString("label"));
    assertEquals("Closed now. Opens tomorrow at 09:00", CardView.status(OFFICE, london("2026-11-23T18:00"), HOLIDAYS).getString("label"));
    assertEquals("Closed now. Opens Tuesday at 09:00", CardView.status(OFFICE, london("2026-12-24T14:00"), HOLIDAYS).getString("label"));
    assertEquals("Open now, 24 hours a day", CardView.status(hours("{\"always\": true}"), london("2026-11-23T10:00"), HOLIDAYS).getString("label"));
  }
}
