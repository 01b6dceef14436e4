package uk.harbour.store;

/** TEMPORARY measurement: commit and sync durations, printed every 5 s. */
final class CommitProbe {
  private long since = System.nanoTime();
  private long n, commitSum, syncSum, commitMax, syncMax, totalMax, lockWaitMax;
  private long over20, over50;

  synchronized void record(long t0, long t1, long t2) {
    n++;
    commitSum += t1 - t0;
    syncSum += t2 - t1;
    commitMax = Math.max(commitMax, t1 - t0);
    syncMax = Math.max(syncMax, t2 - t1);
    totalMax = Math.max(totalMax, t2 - t0);
    if (t2 - t0 > 20_000_000) over20++;
    if (t2 - t0 > 50_000_000) over50++;
    if (t2 - since > 5_000_000_000L) {
      System.out.printf("PROBE commits=%d commitAvg=%.1f commitMax=%.1f syncAvg=%.1f syncMax=%.1f totalMax=%.1f over20=%d over50=%d%n",
          n, commitSum / 1e6 / n, commitMax / 1e6, syncSum / 1e6 / n, syncMax / 1e6, totalMax / 1e6, over20, over50);
      since = t2; n = 0; commitSum = syncSum = commitMax = syncMax = totalMax = 0; over20 = over50 = 0;
    }
  }
}
