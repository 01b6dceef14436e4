package uk.harbour.reports;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * Durations in whole seconds summed up as people read them: how many, the median and the 90th
 * percentile, both by the nearest-rank method (the value at rank ceil(p × n / 100) of the sorted
 * list, so always a duration that really happened; the median of 4 values is the 2nd). Null when
 * there is nothing to measure.
 */
record Stat(int count, Long median, Long p90) {

  static Stat of(List<Long> seconds) {
    long[] sorted = seconds.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return of(sorted);
  }

  static Stat of(long[] sorted) {
    if (sorted.length == 0) {
      return new Stat(0, null, null);
    }
    return new Stat(sorted.length, rank(sorted, 50), rank(sorted, 90));
  }

  static long rank(long[] sorted, int percent) {
    return sorted[rank(sorted.length, percent) - 1];
  }

  /** The 1-based nearest rank, ceil(percent × n / 100), in whole numbers so no rounding creeps in. */
  static int rank(int n, int percent) {
    return Math.max(1, (int) ((percent * (long) n + 99) / 100));
  }

  JsonObject toJson() {
    return new JsonObject().put("count", count).put("median", median).put("p90", p90);
  }
}
