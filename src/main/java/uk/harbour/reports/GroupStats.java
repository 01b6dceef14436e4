package uk.harbour.reports;

import java.util.Arrays;

/**
 * Medians and 90th percentiles of one kind of duration for many groups at once (every episode,
 * office hours, each shift, each adviser…). Each group keeps its values in a plain array and its
 * two nearest-rank values are found by selection, without sorting: a year's dashboard has some
 * hundred thousand first responses and several hundred thousand replies in a few dozen groups.
 */
final class GroupStats {

  private long[][] values = new long[64][];
  private int[] counts = new int[64];

  /** Adds one duration, counted in each of the groups ({@link GroupNames} ids). */
  void add(long seconds, int[] groups) {
    for (int g : groups) {
      if (g >= counts.length) {
        int size = Math.max(g + 1, counts.length * 2);
        counts = Arrays.copyOf(counts, size);
        values = Arrays.copyOf(values, size);
      }
      long[] list = values[g];
      if (list == null) {
        list = values[g] = new long[16];
      } else if (counts[g] == list.length) {
        list = values[g] = Arrays.copyOf(list, list.length * 2);
      }
      list[counts[g]++] = seconds;
    }
  }

  /** Adds every value of {@code other} to the same groups here (a day's figures into a period's). */
  void addAll(GroupStats other) {
    for (int g = 0; g < other.counts.length; g++) {
      int n = other.counts[g];
      if (n == 0) {
        continue;
      }
      if (g >= counts.length) {
        int size = Math.max(g + 1, counts.length * 2);
        counts = Arrays.copyOf(counts, size);
        values = Arrays.copyOf(values, size);
      }
      long[] list = values[g];
      int need = counts[g] + n;
      if (list == null || list.length < need) {
        list = values[g] = list == null ? new long[Math.max(16, need)] : Arrays.copyOf(list, Math.max(need, list.length * 2));
      }
      System.arraycopy(other.values[g], 0, list, counts[g], n);
      counts[g] = need;
    }
  }

  /** The same, naming the groups. */
  void add(long seconds, String... groups) {
    add(seconds, Arrays.stream(groups).mapToInt(GroupNames::id).toArray());
  }

  Stat stat(String group) {
    int id = GroupNames.id(group);
    if (id >= counts.length || counts[id] == 0) {
      return new Stat(0, null, null);
    }
    int n = counts[id];
    // Selection rearranges this group's values; addAll copies values in, so a day's figures are never rearranged.
    long[] list = values[id];
    int k50 = Stat.rank(n, 50) - 1;
    int k90 = Stat.rank(n, 90) - 1;
    long median = select(list, 0, n - 1, k50);
    // After selecting k50 everything from k50 up is at least the median: the p90 is among them.
    long p90 = select(list, k50, n - 1, k90);
    return new Stat(n, median, p90);
  }

  /** The k-th smallest of a[lo..hi] (k absolute), rearranging that part (Hoare's selection, median-of-three pivots). */
  static long select(long[] a, int lo, int hi, int k) {
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      long pivot = medianOf(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static long medianOf(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
