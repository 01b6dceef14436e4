package uk.harbour.rota;

import static java.time.DayOfWeek.MONDAY;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.harbour.rota.RotaFixtures.JO;
import static uk.harbour.rota.RotaFixtures.PRIYA;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.override;
import static uk.harbour.rota.RotaFixtures.rota;
import static uk.harbour.rota.RotaFixtures.shift;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import uk.harbour.web.HarbourException;

/**
 * A disabled account stays known, so a rota that already names it stays editable, but nobody
 * disabled is put on the rota again, and the gaps count them as nobody. Bob's account is disabled.
 */
@Timeout(30)
class DisabledStaffOnRotaTest {

  private static final String BOB = "bob";
  private static final ShiftTemplate BOBS_EVENING = shift("mon-evening", MONDAY, "17:00", "23:00", List.of(BOB), PRIYA, JO);
  private final RotaValidator validator = new RotaValidator(Set.of(SAM, PRIYA, JO, BOB), Set.of(SAM, PRIYA, JO), RotaFixtures.LONDON);

  @Test
  @DisplayName("A new cover or swap putting a disabled adviser on call is refused as unknown_adviser; their sickness is accepted")
  void newOverridesMayNotPutADisabledAdviserOn() {
    Rota current = rota(List.of(BOBS_EVENING), List.of());
    refused(() -> validator.validateNewOverride(current, override("c", RotaOverride.Kind.COVER, BOB, "2026-06-08T17:00", "2026-06-08T23:00", null)));
    refused(() -> validator.validateNewOverride(current, override("s", RotaOverride.Kind.SWAP, BOB, "2026-06-08T17:00", "2026-06-08T23:00", SAM)));
    assertDoesNotThrow(() -> validator.validateNewOverride(current, override("off", RotaOverride.Kind.SICKNESS, BOB, "2026-06-08T17:00", "2026-06-08T23:00", null)));
  }

  @Test
  @DisplayName("A rota change keeps unchanged entries naming a disabled account, but refuses naming them anew in a shift")
  void changesMayKeepButNotAddADisabledAccount() {
    RotaOverride oldCover = override("old", RotaOverride.Kind.COVER, BOB, "2026-06-01T17:00", "2026-06-01T23:00", null);
    Rota before = rota(List.of(BOBS_EVENING, shift("tue-evening", java.time.DayOfWeek.TUESDAY, "17:00", "23:00", List.of(SAM), PRIYA, JO)), List.of(oldCover));
    assertDoesNotThrow(() -> validator.validateChange(before, before), "nothing changed");
    Rota priyaAdded = rota(List.of(shift("mon-evening", MONDAY, "17:00", "23:00", List.of(BOB, PRIYA), null, JO), before.templates().get(1)), List.of(oldCover));
    assertDoesNotThrow(() -> validator.validateChange(before, priyaAdded), "Bob was already on that shift");
    refused(() -> validator.validateChange(before, rota(List.of(BOBS_EVENING, shift("tue-evening", java.time.DayOfWeek.TUESDAY, "17:00", "23:00", List.of(SAM), BOB, JO)),
        List.of(oldCover))));
    refused(() -> validator.validateChange(before, rota(before.templates(),
        List.of(oldCover, override("new", RotaOverride.Kind.COVER, BOB, "2026-06-08T17:00", "2026-06-08T23:00", null)))));
    refused(() -> validator.validateChange(before, withOfficeDutyManager(before, BOB)));
    Rota bobOnDutyInOffice = withOfficeDutyManager(before, BOB);
    assertDoesNotThrow(() -> validator.validateChange(bobOnDutyInOffice, bobOnDutyInOffice), "an office-hours duty manager already there may stay");
  }

  private static Rota withOfficeDutyManager(Rota rota, String manager) {
    OfficeHours.Period weekdays = rota.officeHours().periods().get(0);
    return new Rota(new OfficeHours(List.of(new OfficeHours.Period(weekdays.days(), weekdays.start(), weekdays.end(), java.util.Optional.of(manager)))),
        rota.templates(), rota.overrides(), rota.capacity(), rota.defaultCapacity(), rota.bankHolidayPattern());
  }

  @Test
  @DisplayName("Gaps count a disabled adviser as nobody: a shift whose only on-call adviser is disabled is nobody on call")
  void gapsCountADisabledAdviserAsNobody() {
    RotaEngine engine = RotaFixtures.engine(rota(List.of(BOBS_EVENING), List.of()));
    LocalDate monday = LocalDate.of(2026, 6, 8);
    List<CoverageGap> gaps = engine.gaps(monday, monday, Set.of(SAM, PRIYA, JO)::contains);
    assertEquals(List.of(new CoverageGap(CoverageGap.Kind.NOBODY_ON_CALL, RotaFixtures.london("2026-06-08T00:00"), RotaFixtures.london("2026-06-08T09:00")),
        new CoverageGap(CoverageGap.Kind.NO_DUTY_MANAGER, RotaFixtures.london("2026-06-08T09:00"), RotaFixtures.london("2026-06-08T17:00")),
        new CoverageGap(CoverageGap.Kind.NOBODY_ON_CALL, RotaFixtures.london("2026-06-08T17:00"), RotaFixtures.london("2026-06-09T00:00"))), gaps);
  }

  private static void refused(Executable change) {
    assertEquals("unknown_adviser", assertThrows(HarbourException.class, change).code());
  }
}
