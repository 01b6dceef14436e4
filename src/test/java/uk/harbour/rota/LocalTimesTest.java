package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.rota.RotaFixtures.LONDON;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class LocalTimesTest {

  private final LocalTimes times = new LocalTimes(LONDON);

  @ParameterizedTest(name = "{0}: start {1}, end {2}, exists {3}")
  @DisplayName("Local times become instants by the documented clock-change rule")
  @CsvSource({
      // ordinary winter and summer times
      "2026-01-15T17:00, 2026-01-15T17:00:00Z, 2026-01-15T17:00:00Z, true",
      "2026-07-15T17:00, 2026-07-15T16:00:00Z, 2026-07-15T16:00:00Z, true",
      // spring forward: 01:00-02:00 never happens; both move to the change (01:00Z = 02:00 BST)
      "2026-03-29T01:00, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, false",
      "2026-03-29T01:30, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, false",
      "2026-03-29T02:00, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, true",
      "2027-03-28T01:30, 2027-03-28T01:00:00Z, 2027-03-28T01:00:00Z, false",
      // fall back: 01:00-02:00 happens twice; a start takes the first, an end the second
      "2026-10-25T01:00, 2026-10-25T00:00:00Z, 2026-10-25T01:00:00Z, true",
      "2026-10-25T01:30, 2026-10-25T00:30:00Z, 2026-10-25T01:30:00Z, true",
      "2027-10-31T01:30, 2027-10-31T00:30:00Z, 2027-10-31T01:30:00Z, true",
      "2026-10-25T02:00, 2026-10-25T02:00:00Z, 2026-10-25T02:00:00Z, true",
  })
  void convertsStartsAndEndsAcrossClockChanges(String local, String start, String end,
      boolean exists) {
    LocalDateTime wallClock = LocalDateTime.parse(local);
    assertEquals(Instant.parse(start), times.startOf(wallClock));
    assertEquals(Instant.parse(end), times.endOf(wallClock));
    assertEquals(exists, times.exists(wallClock));
  }
}
