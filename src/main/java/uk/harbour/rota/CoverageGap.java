package uk.harbour.rota;

import java.time.Instant;
import java.util.Objects;

/** A stretch outside office hours where cover is missing, [start, end). */
public record CoverageGap(Kind kind, Instant start, Instant end) {

  public enum Kind {
    /** Outside office hours and nobody is on call. */
    NOBODY_ON_CALL,
    /** Someone is on call but no duty manager stands behind them. */
    NO_DUTY_MANAGER
  }

  public CoverageGap {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
  }
}
