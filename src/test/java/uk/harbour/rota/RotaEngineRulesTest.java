package uk.harbour.rota;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.rota.RotaFixtures.JO;
import static uk.harbour.rota.RotaFixtures.PRIYA;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.london;
import static uk.harbour.rota.RotaFixtures.override;
import static uk.harbour.rota.RotaFixtures.rota;
import static uk.harbour.rota.RotaFixtures.shift;
import static uk.harbour.rota.RotaOverride.Kind.COVER;
import static uk.harbour.rota.RotaOverride.Kind.SICKNESS;
import static uk.harbour.rota.RotaOverride.Kind.SWAP;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.harbour.web.HarbourException;

/** Overlaps, overrides, gaps and clock changes on small hand-made rotas. */
@Timeout(30)
class RotaEngineRulesTest {

  private static final String ALI = "adviser-ali";

  /** Monday evening with a half-hour handover overlap: Sam 17:00-23:30, Priya 23:00-09:00. */
  private static final List<ShiftTemplate> MONDAY_OVERLAP = List.of(
      shift("mon-evening", MONDAY, "17:00", "23:30", List.of(SAM), PRIYA, JO),
      shift("mon-night", MONDAY, "23:00", "09:00", List.of(PRIYA), SAM, JO));

  @ParameterizedTest(name = "{0}: on call [{1}], backup [{2}]")
  @DisplayName("Overlapping shifts put both advisers on call, earlier shift first, and nobody on call is also a backup")
  @CsvSource({
      "2026-06-08T23:10, sam|priya, ''",
      "2026-06-08T22:00, sam,              priya",
      "2026-06-08T23:30, priya,            sam",
  })
  void mergesOverlappingShifts(String local, String onCall, String backup) {
    OnCall answer = RotaFixtures.engine(rota(MONDAY_OVERLAP, List.of())).onCallAt(london(local));
    assertEquals(ids(onCall), answer.onCall());
    assertEquals(ids(backup), answer.backup());
    assertEquals(List.of(JO), answer.dutyManagers());
  }

  @ParameterizedTest(name = "{0} shift on {1} from {2} to {3} lasts {4}")
  @DisplayName("A 17:00-09:00 shift lasts 15 hours on the spring clock change and 17 on the autumn one")
  @CsvSource({
      "SATURDAY, 2026-03-28, 17:00, 09:00, PT15H",
      "SATURDAY, 2026-10-24, 17:00, 09:00, PT17H",
      "SATURDAY, 2027-03-27, 17:00, 09:00, PT15H",
      "SATURDAY, 2027-10-30, 17:00, 09:00, PT17H",
      "SUNDAY,   2026-10-25, 01:30, 09:00, PT8H30M", // starts in the repeated hour: first 01:30
      "SUNDAY,   2026-03-29, 01:30, 09:00, PT7H",    // starts in the gap: moves to 02:00 BST
      "SATURDAY, 2026-10-24, 22:00, 01:30, PT4H30M", // ends in the repeated hour: second 01:30
      "SUNDAY,   2026-03-29, 00:00, 00:00, PT23H",   // a 24-hour template on a 23-hour day
      "SUNDAY,   2026-10-25, 00:00, 00:00, PT25H",
  })
  void measuresShiftsAcrossClockChanges(DayOfWeek day, LocalDate date, String start, String end,
      Duration length) {
    RotaEngine engine = RotaFixtures.engine(
        rota(List.of(shift("only", day, start, end, List.of(SAM), null, JO)), List.of()));
    Instant from = new LocalTimes(RotaFixtures.LONDON).startOf(date.atTime(LocalTime.parse(start)));
    ShiftInstance shift = engine.shiftsBetween(from, from.plusSeconds(1)).get(0);
    assertEquals(from, shift.start());
    assertEquals(length, Duration.between(shift.start(), shift.end()));
  }

  @Test
  @DisplayName("Two shifts meeting in the repeated autumn hour overlap for that hour instead of leaving a gap")
  void overlapsRatherThanGapsInTheRepeatedHour() {
    RotaEngine engine = RotaFixtures.engine(rota(List.of(
        shift("late", SATURDAY, "21:00", "01:30", List.of(SAM), PRIYA, JO),
        shift("early", SUNDAY, "01:30", "09:00", List.of(PRIYA), SAM, JO)), List.of()));
    assertEquals(List.of(SAM, PRIYA), engine.onCallAt(Instant.parse("2026-10-25T01:00:00Z")).onCall());
    assertEquals(List.of(PRIYA), engine.onCallAt(Instant.parse("2026-10-25T01:30:00Z")).onCall());
    List<CoverageGap> nightGaps = engine.gaps(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25))
        .stream()
        .filter(g -> g.end().isAfter(london("2026-10-24T21:00"))
            && g.start().isBefore(london("2026-10-25T09:00")))
        .toList();
    assertEquals(List.of(), nightGaps);
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        // SICKNESS: Sam is off the evening shift, so the evening is uncovered; Priya's night is untouched
        Arguments.of(override("sick", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null),
            "2026-06-08T18:00", List.of(), List.of(PRIYA)),
        Arguments.of(override("sick", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null),
            "2026-06-09T01:00", List.of(PRIYA), List.of()),
        // SWAP: Ali takes Sam's evening only while the swap lasts
        Arguments.of(override("swap", SWAP, ALI, "2026-06-08T17:00", "2026-06-08T20:00", SAM),
            "2026-06-08T18:00", List.of(ALI), List.of(PRIYA)),
        Arguments.of(override("swap", SWAP, ALI, "2026-06-08T17:00", "2026-06-08T20:00", SAM),
            "2026-06-08T21:00", List.of(SAM), List.of(PRIYA)),
        // SWAP where the replaced person is the backup
        Arguments.of(override("swap", SWAP, ALI, "2026-06-08T17:00", "2026-06-09T09:00", PRIYA),
            "2026-06-08T18:00", List.of(SAM), List.of(ALI)),
        // COVER replacing Sam: Ali on call, Sam off every role
        Arguments.of(override("cover", COVER, ALI, "2026-06-08T17:00", "2026-06-09T09:00", SAM),
            "2026-06-08T18:00", List.of(ALI), List.of(PRIYA)),
        // Ali's cover started before Priya's shift, so Ali comes first
        Arguments.of(override("cover", COVER, ALI, "2026-06-08T17:00", "2026-06-09T09:00", SAM),
            "2026-06-09T02:00", List.of(ALI, PRIYA), List.of()),
        // COVER with nobody replaced: an extra adviser, even where the pattern has no shift
        Arguments.of(override("extra", COVER, ALI, "2026-06-08T19:00", "2026-06-08T21:00", null),
            "2026-06-08T20:00", List.of(SAM, ALI), List.of(PRIYA)),
        Arguments.of(override("extra", COVER, ALI, "2026-06-10T19:00", "2026-06-10T21:00", null),
            "2026-06-10T20:00", List.of(ALI), List.of()));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("overrides")
  @DisplayName("Cover, swap and sickness overrides change who is on call only inside their window")
  void appliesOverrides(RotaOverride change, String local, List<String> onCall, List<String> backup) {
    Rota base = rota(List.of(
        shift("mon-evening", MONDAY, "17:00", "23:00", List.of(SAM), PRIYA, JO),
        shift("mon-night", MONDAY, "23:00", "09:00", List.of(PRIYA), null, JO)), List.of());
    new RotaValidator(RotaFixtures.STAFF, RotaFixtures.LONDON).validateNewOverride(base, change);
    OnCall answer = RotaFixtures.engine(base.withOverride(change)).onCallAt(london(local));
    assertEquals(onCall, answer.onCall());
    assertEquals(backup, answer.backup());
  }

  @Test
  @DisplayName("A swap in the middle of a shift splits it into pieces that name the override")
  void splitsAShiftAroundAnOverride() {
    Rota withSwap = rota(List.of(shift("fri", FRIDAY, "17:00", "09:00", List.of(SAM), null, JO)),
        List.of(override("swap", SWAP, PRIYA, "2026-06-12T20:00", "2026-06-12T22:00", SAM)));
    List<ShiftInstance> pieces = RotaFixtures.engine(withSwap)
        .shiftsBetween(london("2026-06-12T17:00"), london("2026-06-13T09:00"));
    assertEquals(3, pieces.size());
    assertEquals(List.of(List.of(SAM), List.of(PRIYA), List.of(SAM)),
        pieces.stream().map(ShiftInstance::onCall).toList());
    assertEquals(List.of(List.of(), List.of("swap"), List.of()),
        pieces.stream().map(ShiftInstance::overrideIds).toList());
    assertEquals(london("2026-06-12T20:00"), pieces.get(1).start());
    assertEquals(london("2026-06-12T22:00"), pieces.get(1).end());
  }

  @Test
  @DisplayName("A swap for someone not on the shift leaves it whole")
  void leavesAShiftWholeWhenAnOverrideChangesNothing() {
    Rota withSwap = rota(List.of(shift("fri", FRIDAY, "17:00", "09:00", List.of(SAM), null, JO)),
        List.of(override("swap", SWAP, ALI, "2026-06-12T20:00", "2026-06-12T22:00", PRIYA)));
    List<ShiftInstance> pieces = RotaFixtures.engine(withSwap)
        .shiftsBetween(london("2026-06-12T17:00"), london("2026-06-13T09:00"));
    assertEquals(1, pieces.size());
    assertEquals(List.of(), pieces.get(0).overrideIds());
  }

  @Test
  @DisplayName("The cover end, next cover and handover follow a cover override")
  void followsCoverInTheTimeQuestions() {
    Rota withCover = rota(List.of(shift("fri", FRIDAY, "17:00", "21:00", List.of(SAM), null, JO)),
        List.of(override("cover", COVER, PRIYA, "2026-06-12T20:00", "2026-06-12T23:00", SAM)));
    RotaEngine engine = RotaFixtures.engine(withCover);
    assertEquals(london("2026-06-12T20:00"), engine.onCallAt(london("2026-06-12T18:00")).until());
    assertEquals(Optional.of(london("2026-06-12T23:00")),
        engine.shiftEndFor(PRIYA, london("2026-06-12T20:30")));
    assertEquals(Optional.of(london("2026-06-12T20:00")),
        engine.shiftEndFor(SAM, london("2026-06-12T18:00")));
    assertEquals(Optional.of(london("2026-06-19T17:00")),
        engine.nextCoverStart(london("2026-06-12T23:00")));
  }

  @Test
  @DisplayName("With nobody on the rota there is no next cover, and the state changes only with office hours")
  void findsNoCoverOnAnEmptyRota() {
    Instant t = london("2026-06-12T18:00");
    RotaEngine engine = RotaFixtures.engine(rota(List.of(), List.of()));
    assertEquals(Optional.empty(), engine.nextCoverStart(t));
    assertEquals(london("2026-06-15T09:00"), engine.onCallAt(t).until());
    RotaEngine noOfficeHours = RotaFixtures.engine(
        new Rota(OfficeHours.none(), List.of(), List.of(), Map.of(), 3, SUNDAY));
    assertEquals(t.plus(RotaEngine.SEARCH_HORIZON), noOfficeHours.onCallAt(t).until());
  }

  @Test
  @DisplayName("Gaps report stretches out of hours with nobody on call, no backup or no duty manager, and office hours with no duty manager")
  void reportsGaps() {
    Rota rota = rota(List.of(
        shift("mon-evening", MONDAY, "17:00", "23:00", List.of(SAM), null, null),
        shift("mon-night", MONDAY, "23:00", "09:00", List.of(PRIYA), null, JO)),
        List.of(override("jo-off", SICKNESS, JO, "2026-06-09T01:00", "2026-06-09T02:00", null)));
    List<CoverageGap> gaps = RotaFixtures.engine(rota)
        .gaps(LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 9));
    assertEquals(List.of(
        gap(CoverageGap.Kind.NOBODY_ON_CALL, "2026-06-08T00:00", "2026-06-08T09:00"),
        // Office hours without a duty manager run straight into an evening without one.
        gap(CoverageGap.Kind.NO_DUTY_MANAGER, "2026-06-08T09:00", "2026-06-08T23:00"),
        gap(CoverageGap.Kind.NO_BACKUP, "2026-06-08T17:00", "2026-06-09T09:00"),
        gap(CoverageGap.Kind.NO_DUTY_MANAGER, "2026-06-09T01:00", "2026-06-09T02:00"),
        gap(CoverageGap.Kind.NO_DUTY_MANAGER, "2026-06-09T09:00", "2026-06-09T17:00"),
        gap(CoverageGap.Kind.NOBODY_ON_CALL, "2026-06-09T17:00", "2026-06-10T00:00")), gaps);
  }

  @Test
  @DisplayName("An ad-hoc cover where the pattern has no shift is a gap: nobody stands behind the adviser covering")
  void reportsAdHocCoverWithoutBackupOrDutyManager() {
    Rota rota = new Rota(OfficeHours.weekdaysNineToFive().withDutyManager(Optional.of(JO)), List.of(),
        List.of(override("extra", COVER, SAM, "2026-06-13T10:00", "2026-06-13T14:00", null)), Map.of(), 3, SUNDAY);
    List<CoverageGap> gaps = RotaFixtures.engine(rota).gaps(LocalDate.of(2026, 6, 13), LocalDate.of(2026, 6, 13));
    assertEquals(List.of(
        gap(CoverageGap.Kind.NOBODY_ON_CALL, "2026-06-13T00:00", "2026-06-13T10:00"),
        gap(CoverageGap.Kind.NO_BACKUP, "2026-06-13T10:00", "2026-06-13T14:00"),
        gap(CoverageGap.Kind.NO_DUTY_MANAGER, "2026-06-13T10:00", "2026-06-13T14:00"),
        gap(CoverageGap.Kind.NOBODY_ON_CALL, "2026-06-13T14:00", "2026-06-14T00:00")), gaps);
  }

  @Test
  @DisplayName("Office hours have a duty manager of their own, whom sickness takes off and a swap or cover replaces")
  void officeHoursDutyManager() {
    Rota rota = new Rota(OfficeHours.weekdaysNineToFive().withDutyManager(Optional.of(JO)), List.of(),
        List.of(
            override("jo-sick", SICKNESS, JO, "2026-06-08T12:00", "2026-06-08T13:00", null),
            override("priya-swap", SWAP, PRIYA, "2026-06-09T09:00", "2026-06-09T17:00", JO)),
        Map.of(), 3, SUNDAY);
    RotaEngine engine = RotaFixtures.engine(rota);
    OnCall morning = engine.onCallAt(london("2026-06-08T10:00"));
    assertTrue(morning.officeHours());
    assertEquals(List.of(JO), morning.dutyManagers());
    assertEquals(london("2026-06-08T12:00"), morning.until(), "the answer changes when the sickness starts");
    assertEquals(List.of(), engine.onCallAt(london("2026-06-08T12:30")).dutyManagers());
    assertEquals(List.of(JO), engine.onCallAt(london("2026-06-08T13:00")).dutyManagers());
    assertEquals(List.of(PRIYA), engine.onCallAt(london("2026-06-09T10:00")).dutyManagers(), "the swap hands the role on");
    assertEquals(List.of(), engine.onCallAt(london("2026-06-08T18:00")).dutyManagers(), "office hours' manager is not on after 17:00");
    assertEquals(List.of(gap(CoverageGap.Kind.NO_DUTY_MANAGER, "2026-06-08T12:00", "2026-06-08T13:00")),
        engine.gaps(LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 8)).stream().filter(g -> g.kind() == CoverageGap.Kind.NO_DUTY_MANAGER).toList());
  }

  @Test
  @DisplayName("A bank holiday with no cover is a gap all day, because it is never office hours")
  void reportsABankHolidayWithoutCoverAsAGap() {
    Rota weekdaysOnly = rota(List.of(
        shift("mon-night", MONDAY, "17:00", "09:00", List.of(SAM), null, JO)), List.of());
    List<CoverageGap> gaps = RotaFixtures.engine(weekdaysOnly)
        .gaps(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 28));
    assertEquals(List.of(gap(CoverageGap.Kind.NOBODY_ON_CALL, "2026-12-28T00:00", "2026-12-29T00:00")),
        gaps);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @DisplayName("Gap and shift questions with a backwards or huge range are refused")
  @CsvSource({"2026-06-09, 2026-06-08, end_before_start", "2026-01-01, 2027-01-02, range_too_long"})
  void refusesBadRanges(LocalDate from, LocalDate to, String code) {
    RotaEngine engine = RotaFixtures.engine(rota(List.of(), List.of()));
    HarbourException e = assertThrows(HarbourException.class, () -> engine.gaps(from, to));
    assertEquals(code, e.code());
    assertEquals(400, e.status());
    HarbourException backwards = assertThrows(HarbourException.class,
        () -> engine.shiftsBetween(london("2026-06-09T00:00"), london("2026-06-08T00:00")));
    assertEquals("end_before_start", backwards.code());
  }

  private static CoverageGap gap(CoverageGap.Kind kind, String start, String end) {
    return new CoverageGap(kind, london(start), london(end));
  }

  private static List<String> ids(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\|"));
  }
}
