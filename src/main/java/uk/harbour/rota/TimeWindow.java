package uk.harbour.rota;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval [start, end) of instants. */
record TimeWindow(Instant start, Instant end) {

  TimeWindow {
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
  }

  boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }
}
