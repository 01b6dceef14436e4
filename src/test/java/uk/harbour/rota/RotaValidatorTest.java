package uk.harbour.rota;

import static java.time.DayOfWeek.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.harbour.rota.RotaFixtures.JO;
import static uk.harbour.rota.RotaFixtures.PRIYA;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.override;
import static uk.harbour.rota.RotaFixtures.rota;
import static uk.harbour.rota.RotaFixtures.shift;
import static uk.harbour.rota.RotaOverride.Kind.COVER;
import static uk.harbour.rota.RotaOverride.Kind.SICKNESS;
import static uk.harbour.rota.RotaOverride.Kind.SWAP;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.harbour.web.HarbourException;

@Timeout(30)
class RotaValidatorTest {

  private static final ShiftTemplate EVENING =
      shift("mon-evening", MONDAY, "17:00", "23:00", List.of(SAM), PRIYA, JO);
  private final RotaValidator validator = new RotaValidator(RotaFixtures.STAFF, RotaFixtures.LONDON);

  @Test
  @DisplayName("A sound rota, like the demo one, passes unchanged")
  void acceptsASoundRota() {
    Rota demo = RotaFixtures.demo().rota();
    assertSame(demo, validator.validate(demo));
  }

  static Stream<Arguments> badRotas() {
    return Stream.of(
        Arguments.of("overlapping overrides for one adviser", "override_overlap",
            withOverrides(override("a", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null),
                override("b", COVER, SAM, "2026-06-09T11:00", "2026-06-09T13:00", null))),
        Arguments.of("an override ending before it starts", "end_before_start",
            withOverrides(override("a", SICKNESS, SAM, "2026-06-09T12:00", "2026-06-08T12:00", null))),
        Arguments.of("an override ending as it starts", "end_before_start",
            withOverrides(override("a", SICKNESS, SAM, "2026-06-09T12:00", "2026-06-09T12:00", null))),
        Arguments.of("an unknown override adviser", "unknown_adviser",
            withOverrides(override("a", COVER, "adviser-nobody", "2026-06-08T12:00", "2026-06-09T12:00", null))),
        Arguments.of("an unknown replaced adviser", "unknown_adviser",
            withOverrides(override("a", SWAP, SAM, "2026-06-08T12:00", "2026-06-09T12:00", "adviser-nobody"))),
        Arguments.of("an unknown on-call adviser", "unknown_adviser",
            rota(List.of(shift("s", MONDAY, "17:00", "23:00", List.of("adviser-x"), null, JO)), List.of())),
        Arguments.of("an unknown duty manager", "unknown_adviser",
            rota(List.of(shift("s", MONDAY, "17:00", "23:00", List.of(SAM), null, "manager-x")), List.of())),
        Arguments.of("a start in the spring-forward gap", "nonexistent_local_time",
            withOverrides(override("a", SICKNESS, SAM, "2026-03-29T01:30", "2026-03-29T09:00", null))),
        Arguments.of("an end in the spring-forward gap", "nonexistent_local_time",
            withOverrides(override("a", SICKNESS, SAM, "2027-03-27T20:00", "2027-03-28T01:15", null))),
        Arguments.of("a template with nobody on call", "no_on_call_adviser",
            rota(List.of(shift("s", MONDAY, "17:00", "23:00", List.of(), PRIYA, JO)), List.of())),
        Arguments.of("a swap without the person replaced", "missing_replaces",
            withOverrides(override("a", SWAP, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null))),
        Arguments.of("sickness that replaces someone", "bad_override",
            withOverrides(override("a", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", PRIYA))),
        Arguments.of("an adviser replacing themselves", "bad_override",
            withOverrides(override("a", COVER, SAM, "2026-06-08T12:00", "2026-06-09T12:00", SAM))),
        Arguments.of("an override longer than a year", "override_too_long",
            withOverrides(override("a", SICKNESS, SAM, "2026-01-01T00:00", "2027-01-03T00:00", null))),
        Arguments.of("two overrides with one id", "duplicate_id",
            withOverrides(override("a", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null),
                override("a", SICKNESS, PRIYA, "2026-06-08T12:00", "2026-06-09T12:00", null))),
        Arguments.of("two templates with one id", "duplicate_id",
            rota(List.of(EVENING, EVENING), List.of())),
        Arguments.of("an id with a dollar", "bad_id",
            rota(List.of(shift("$where", MONDAY, "17:00", "23:00", List.of(SAM), null, JO)), List.of())),
        Arguments.of("an id with a dot", "bad_id",
            withOverrides(override("a.b", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null))),
        Arguments.of("office hours ending before they start", "end_before_start",
            new Rota(new OfficeHours(List.of(new OfficeHours.Period(EnumSet.of(MONDAY),
                LocalTime.of(17, 0), LocalTime.of(9, 0)))), List.of(EVENING), List.of(), Map.of(), 3,
                DayOfWeek.SUNDAY)),
        Arguments.of("office hours on no day", "no_days",
            new Rota(new OfficeHours(List.of(new OfficeHours.Period(Set.of(),
                LocalTime.of(9, 0), LocalTime.of(17, 0)))), List.of(EVENING), List.of(), Map.of(), 3,
                DayOfWeek.SUNDAY)),
        Arguments.of("a capacity of zero", "bad_capacity",
            new Rota(OfficeHours.weekdaysNineToFive(), List.of(EVENING), List.of(), Map.of(SAM, 0), 3,
                DayOfWeek.SUNDAY)),
        Arguments.of("a default capacity over the limit", "bad_capacity",
            new Rota(OfficeHours.weekdaysNineToFive(), List.of(EVENING), List.of(), Map.of(), 1000,
                DayOfWeek.SUNDAY)),
        Arguments.of("a capacity for an unknown adviser", "unknown_adviser",
            new Rota(OfficeHours.weekdaysNineToFive(), List.of(EVENING), List.of(),
                Map.of("adviser-x", 2), 3, DayOfWeek.SUNDAY)),
        Arguments.of("too many templates", "too_many",
            rota(Collections.nCopies(RotaValidator.MAX_TEMPLATES + 1, EVENING), List.of())));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("badRotas")
  @DisplayName("Each unsound rota is refused with a 400 and its own code")
  void refusesUnsoundRotas(String description, String code, Rota rota) {
    HarbourException e = assertThrows(HarbourException.class, () -> validator.validate(rota));
    assertEquals(400, e.status());
    assertEquals(code, e.code(), e.getMessage());
  }

  @Test
  @DisplayName("A new override is checked against the overrides already stored")
  void checksANewOverrideAgainstExistingOnes() {
    Rota existing = withOverrides(
        override("a", SICKNESS, SAM, "2026-06-08T12:00", "2026-06-09T12:00", null));
    HarbourException overlap = assertThrows(HarbourException.class, () -> validator
        .validateNewOverride(existing,
            override("b", COVER, SAM, "2026-06-09T00:00", "2026-06-10T00:00", null)));
    assertEquals("override_overlap", overlap.code());
    HarbourException sameId = assertThrows(HarbourException.class, () -> validator
        .validateNewOverride(existing,
            override("a", COVER, PRIYA, "2026-06-09T00:00", "2026-06-10T00:00", null)));
    assertEquals("duplicate_id", sameId.code());
    RotaOverride touching = override("c", COVER, SAM, "2026-06-09T12:00", "2026-06-10T00:00", null);
    assertSame(touching, validator.validateNewOverride(existing, touching));
  }

  private static Rota withOverrides(RotaOverride... overrides) {
    return rota(List.of(EVENING), List.of(overrides));
  }
}
