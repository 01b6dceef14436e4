package uk.harbour.rota;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated change to the weekly pattern, in local (Europe/London) time, [start, end).
 *
 * <ul>
 *   <li>COVER: the adviser is on call for the whole window, even where the pattern has no shift; if
 *       {@code replaces} is given, that person is taken off every role in the window.</li>
 *   <li>SWAP: the adviser takes every role {@code replaces} holds in the window (required); nothing
 *       happens where {@code replaces} is not rostered.</li>
 *   <li>SICKNESS: the adviser is taken off every role (on call, backup, duty manager) in the window.</li>
 * </ul>
 */
public record RotaOverride(
    String id,
    Kind kind,
    String adviserId,
    LocalDateTime start,
    LocalDateTime end,
    Optional<String> replaces) {

  public enum Kind { COVER, SWAP, SICKNESS }

  public RotaOverride {
    Objects.requireNonNull(id);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(adviserId);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    Objects.requireNonNull(replaces);
  }

  TimeWindow window(LocalTimes times) {
    return new TimeWindow(times.startOf(start), times.endOf(end));
  }
}
