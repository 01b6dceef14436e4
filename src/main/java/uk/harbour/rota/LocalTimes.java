package uk.harbour.rota;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * Turns rota wall-clock times into instants, with one fixed rule for the two clock changes a year.
 *
 * <ul>
 *   <li>Spring forward (a local time that never happens, e.g. 01:30 on 2026-03-29 in London): both a
 *       start and an end move forward to the first valid instant, the moment the clocks change.</li>
 *   <li>Fall back (a local time that happens twice): a start takes the earlier offset and an end the
 *       later one, so a shift is never shortened by the change; two shifts that meet at an ambiguous
 *       time overlap for an hour rather than leave a gap.</li>
 * </ul>
 */
public final class LocalTimes {

  private final ZoneId zone;

  public LocalTimes(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The instant a period starting at this wall-clock time begins. */
  public Instant startOf(LocalDateTime local) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
  }

  /** The instant a period ending at this wall-clock time ends. */
  public Instant endOf(LocalDateTime local) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
  }

  /** False for a wall-clock time skipped when the clocks go forward. */
  public boolean exists(LocalDateTime local) {
    return !zone.getRules().getValidOffsets(local).isEmpty();
  }
}
