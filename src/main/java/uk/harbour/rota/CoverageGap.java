package uk.harbour.rota;

import java.time.Instant;
import java.util.Objects;

/** A stretch where a rung of cover is missing, [start, end). */
public record CoverageGap(Kind kind, Instant start, Instant end) {

  public enum Kind {
    /** Outside office hours and nobody is on call. */
    NOBODY_ON_CALL,
    /** Outside office hours someone is on call but nobody is their backup. */
    NO_BACKUP,
    /** Someone is on call, or in office hours the own PAs are at work, but no duty manager stands behind them. */
    NO_DUTY_MANAGER
  }

  public CoverageGap {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
  }
}
