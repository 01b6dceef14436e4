package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.rota.RotaFixtures.JO;
import static uk.harbour.rota.RotaFixtures.PRIYA;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo rota in config/ against the real 2026-27 bank holidays. */
@Timeout(30)
class DemoRotaEngineTest {

  private final RotaEngine engine = RotaFixtures.demoEngine();

  @ParameterizedTest(name = "{0} London: office hours {1}, on call [{2}], backup [{3}]")
  @DisplayName("The demo rota puts the right person on call at each time of the week")
  @CsvSource({
      // an ordinary week, Monday 2026-06-08 to Monday 2026-06-15
      "2026-06-08T08:59, false, sam,   priya", // Sunday night shift still running
      "2026-06-08T09:00, true,  '',            ''",
      "2026-06-08T16:59, true,  '',            ''",
      "2026-06-08T17:00, false, sam,   priya",
      "2026-06-08T22:59, false, sam,   priya",
      "2026-06-08T23:00, false, priya, sam",
      "2026-06-09T03:00, false, priya, sam",   // across midnight
      "2026-06-10T20:00, false, sam,   priya",
      "2026-06-12T08:00, false, priya, sam",   // Thursday night into Friday
      "2026-06-12T12:00, true,  '',            ''",
      "2026-06-12T17:00, false, sam,   priya",
      "2026-06-13T02:00, false, sam,   priya",
      "2026-06-13T09:00, false, priya, sam",
      "2026-06-13T21:00, false, sam,   priya",
      "2026-06-14T12:00, false, priya, sam",
      "2026-06-14T23:30, false, sam,   priya",
      "2026-06-15T08:30, false, sam,   priya",
      // bank holidays follow the Sunday pattern and are never office hours
      "2026-12-25T08:00, false, priya, sam",   // Thursday night shift into Christmas
      "2026-12-25T12:00, false, priya, sam",   // Christmas Day (Friday) as a Sunday
      "2026-12-25T22:00, false, sam,   priya",
      "2026-12-26T10:00, false, priya, sam",   // ordinary Saturday
      "2026-12-28T10:00, false, priya, sam",   // Boxing Day substitute (Monday)
      "2026-12-28T18:00, false, priya, sam",   // not the Monday evening shift
      "2026-12-29T08:00, false, sam,   priya", // Sunday night pattern into Tuesday
      "2026-12-29T10:00, true,  '',            ''",
      "2027-03-26T11:00, false, priya, sam",   // Good Friday 2027
      "2027-03-29T11:00, false, priya, sam",   // Easter Monday 2027
      // clock changes
      "2026-03-29T00:30, false, sam,   priya",
      "2026-03-29T03:00, false, sam,   priya",
      "2026-10-25T03:00, false, sam,   priya",
      "2027-10-31T08:59, false, sam,   priya",
      "2027-10-31T09:00, false, priya, sam",
  })
  void answersWhoIsOnCall(String local, boolean officeHours, String onCall, String backup) {
    OnCall answer = engine.onCallAt(london(local));
    assertEquals(officeHours, answer.officeHours());
    assertEquals(ids(onCall), answer.onCall());
    assertEquals(ids(backup), answer.backup());
    assertEquals(List.of(JO), answer.dutyManagers(), "Jo is duty manager throughout, office hours included");
  }

  static Stream<Arguments> weeksToSweep() {
    return Stream.of("2026-03-23", "2026-10-19", "2027-03-22", "2027-10-25", "2026-12-21",
        "2026-06-08", "2027-12-20").map(d -> Arguments.of(LocalDate.parse(d)));
  }

  @ParameterizedTest(name = "week of {0}")
  @MethodSource("weeksToSweep")
  @DisplayName("Every quarter hour of a week, including clock-change and Christmas weeks, has exactly one adviser on call out of hours and none in office hours")
  void sweepsAWeekWithoutGaps(LocalDate monday) {
    Instant start = london(monday.atStartOfDay().toString());
    Instant end = london(monday.plusDays(8).atStartOfDay().toString());
    int outOfHoursChecks = 0;
    for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(15))) {
      OnCall answer = engine.onCallAt(t);
      if (answer.officeHours()) {
        assertTrue(answer.onCall().isEmpty(), "nobody on call in office hours at " + t);
      } else {
        outOfHoursChecks++;
        assertEquals(1, answer.onCall().size(), "one adviser on call at " + t);
        assertEquals(List.of(JO), answer.dutyManagers(), "duty manager at " + t);
        assertTrue(answer.until().isAfter(t), "cover ends after now at " + t);
      }
    }
    assertTrue(outOfHoursChecks > 400, "most of a week is out of hours");
    assertEquals(List.of(), engine.gaps(monday, monday.plusDays(7)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2026, 2027})
  @DisplayName("The demo rota has no coverage gaps in a whole year")
  void hasNoGapsInAWholeYear(int year) {
    assertEquals(List.of(),
        engine.gaps(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  @ParameterizedTest(name = "{0} lasts {2}")
  @DisplayName("Shifts across a clock change last their real length")
  @CsvSource({
      "2026-03-28T21:00, sat-night,     PT11H", // 21:00 GMT to 09:00 BST
      "2026-10-24T21:00, sat-night,     PT13H", // 21:00 BST to 09:00 GMT
      "2027-03-27T21:00, sat-night,     PT11H",
      "2027-10-30T21:00, sat-night,     PT13H",
      "2026-10-23T17:00, fri-overnight, PT16H", // the day before the change: ordinary
  })
  void measuresShiftsAcrossClockChanges(String localStart, String template, Duration length) {
    Instant start = london(localStart);
    ShiftInstance shift = engine.shiftsBetween(start, start.plusSeconds(1)).stream()
        .filter(s -> s.templateId().equals(Optional.of(template))).findFirst().orElseThrow();
    assertEquals(start, shift.start());
    assertEquals(length, Duration.between(shift.start(), shift.end()));
  }

  @ParameterizedTest(name = "at {0} the cover lasts until {1}")
  @DisplayName("The current cover ends when the set of people next changes")
  @CsvSource({
      "2026-06-08T10:00, 2026-06-08T17:00", // office hours end
      "2026-06-08T18:00, 2026-06-08T23:00",
      "2026-06-09T01:00, 2026-06-09T09:00", // office hours begin
      "2026-06-12T20:00, 2026-06-13T09:00",
      "2026-12-24T20:00, 2026-12-24T23:00",
      "2026-12-25T07:00, 2026-12-25T21:00", // Priya's night runs straight into her bank-holiday day
  })
  void saysWhenTheCoverChanges(String local, String until) {
    assertEquals(london(until), engine.onCallAt(london(local)).until());
  }

  @ParameterizedTest(name = "after {0} cover starts at {1}")
  @DisplayName("The next cover starts at the end of office hours, or now if someone is on call")
  @CsvSource({
      "2026-06-08T10:00, 2026-06-08T17:00",
      "2026-06-12T09:00, 2026-06-12T17:00",
      "2026-06-08T20:00, 2026-06-08T20:00",
  })
  void findsTheNextCover(String local, String expected) {
    assertEquals(Optional.of(london(expected)), engine.nextCoverStart(london(local)));
  }

  @ParameterizedTest(name = "{0} at {1}: stretch ends {2}")
  @DisplayName("An adviser's handover time is the end of their unbroken stretch on call")
  @CsvSource({
      "sam,   2026-06-08T18:00, 2026-06-08T23:00",
      "priya, 2026-06-08T23:30, 2026-06-09T09:00",
      "priya, 2026-12-25T07:00, 2026-12-25T21:00", // night, then the bank-holiday day
      "sam,   2026-12-25T22:00, 2026-12-26T09:00",
  })
  void findsTheEndOfAStretch(String adviser, String local, String end) {
    assertEquals(Optional.of(london(end)), engine.shiftEndFor(adviser, london(local)));
  }

  @Test
  @DisplayName("An adviser who is not on call has no shift end")
  void hasNoShiftEndForSomeoneOffDuty() {
    assertEquals(Optional.empty(), engine.shiftEndFor(PRIYA, london("2026-06-08T18:00")));
    assertEquals(Optional.empty(), engine.shiftEndFor(SAM, london("2026-06-08T10:00")));
  }

  @Test
  @DisplayName("A week view lists each shift once, in order, with instants")
  void listsTheShiftsOfAWeek() {
    List<ShiftInstance> week = engine.shiftsBetween(london("2026-06-08T00:00"),
        london("2026-06-15T00:00"));
    List<String> templates = new ArrayList<>();
    week.forEach(s -> templates.add(s.templateId().orElseThrow()));
    assertEquals(List.of("sun-night", "mon-evening", "mon-night", "tue-evening", "tue-night",
        "wed-evening", "wed-night", "thu-evening", "thu-night", "fri-overnight", "sat-day",
        "sat-night", "sun-day", "sun-night"), templates);
    for (int i = 0; i + 1 < week.size(); i++) {
      assertFalse(week.get(i).start().isAfter(week.get(i + 1).start()), "sorted by start");
    }
  }

  @Test
  @DisplayName("Office hours never apply on a bank holiday")
  void neverHasOfficeHoursOnABankHoliday() {
    assertFalse(engine.isOfficeHours(london("2026-12-25T11:00")));
    assertFalse(engine.isOfficeHours(london("2026-12-28T11:00")));
    assertTrue(engine.isOfficeHours(london("2026-12-29T11:00")));
  }

  private static List<String> ids(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\s*\\|\\s*"));
  }
}
