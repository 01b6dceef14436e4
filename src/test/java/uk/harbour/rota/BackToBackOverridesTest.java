package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.override;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.web.HarbourException;

/**
 * Two changes for one adviser that meet (the first ends at the local time the second starts) do
 * not overlap, on any night: also at 01:30 on the autumn clock-change night, where an end takes the
 * later (GMT) offset and a start the earlier (BST) one.
 */
@Timeout(30)
class BackToBackOverridesTest {

  private final RotaValidator validator = new RotaValidator(RotaFixtures.STAFF, RotaFixtures.LONDON);

  @Test
  @DisplayName("Back-to-back changes meeting at 01:30 on an ordinary night are accepted")
  void meetingOnAnOrdinaryNightIsAccepted() {
    Rota rota = RotaFixtures.rota(List.of(), List.of(override("a", RotaOverride.Kind.SICKNESS, SAM, "2026-10-17T18:00", "2026-10-18T01:30", null)));
    assertDoesNotThrow(() -> validator.validateNewOverride(rota,
        override("b", RotaOverride.Kind.COVER, SAM, "2026-10-18T01:30", "2026-10-18T09:00", null)));
  }

  @Test
  @DisplayName("Back-to-back changes meeting at 01:30 on the fall-back night are accepted, as a new change and in a whole rota")
  void meetingAt0130OnTheFallBackNightIsAccepted() {
    RotaOverride first = override("a", RotaOverride.Kind.SICKNESS, SAM, "2026-10-24T18:00", "2026-10-25T01:30", null);
    RotaOverride second = override("b", RotaOverride.Kind.COVER, SAM, "2026-10-25T01:30", "2026-10-25T09:00", null);
    assertDoesNotThrow(() -> validator.validateNewOverride(RotaFixtures.rota(List.of(), List.of(first)), second));
    assertDoesNotThrow(() -> validator.validate(RotaFixtures.rota(List.of(), List.of(first, second))));
  }

  @Test
  @DisplayName("Changes that do overlap on the fall-back night are still refused")
  void overlappingOnTheFallBackNightIsRefused() {
    Rota rota = RotaFixtures.rota(List.of(), List.of(override("a", RotaOverride.Kind.SICKNESS, SAM, "2026-10-24T18:00", "2026-10-25T01:45", null)));
    HarbourException refused = assertThrows(HarbourException.class, () -> validator.validateNewOverride(rota,
        override("b", RotaOverride.Kind.COVER, SAM, "2026-10-25T01:30", "2026-10-25T09:00", null)));
    assertEquals("override_overlap", refused.code());
  }
}
