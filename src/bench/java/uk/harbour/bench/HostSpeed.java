package uk.harbour.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What the host was like during a run, so runs on different days can be compared (issue 17: "the
 * machine's load during the run"). Two figures: the 1-minute load average, sampled through the
 * measured window, and a probe, the time one thread takes for a fixed piece of work before the run.
 * On the 2-core machines we use, the same build gave 0.55 and 0.92 ms per message 15 minutes apart,
 * with a load the bench itself makes 2–3.5: only the probe showed the host had slowed.
 */
final class HostSpeed {

  /** 64 MB through SHA-256: 45–50 ms on one of our cores (1 December 2026, the host already slow). */
  private static final int PROBE_ROUNDS = 1024;
  private static final byte[] BLOCK = new byte[64 * 1024];
  private static final long SAMPLE_MS = 5000;

  private final Vertx vertx;
  private double minLoad = Double.MAX_VALUE;
  private double maxLoad = -1;
  private long timer = -1;

  HostSpeed(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Milliseconds one thread takes for the probe's fixed work, the median of three after one run
   * that lets the JIT compile it (the first took nearly twice as long): larger on a slower or busier
   * host.
   */
  static long probeMillis() {
    once();
    long[] times = {once(), once(), once()};
    Arrays.sort(times);
    return times[1];
  }

  private static long once() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long start = System.nanoTime();
      for (int i = 0; i < PROBE_ROUNDS; i++) {
        sha.update(BLOCK);
      }
      sha.digest();
      return (System.nanoTime() - start) / 1_000_000;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts sampling the load average; {@link #stop} ends it. Called from the bench's main thread. */
  void start() {
    sample();
    // Reading /proc is a file read: off the bench's event loop.
    timer = vertx.setPeriodic(SAMPLE_MS, id -> vertx.executeBlocking(() -> {
      sample();
      return null;
    }));
  }

  /** Called off the event loop, from the bench's main thread. */
  void stop() {
    vertx.cancelTimer(timer);
    sample();
  }

  synchronized double minLoad() {
    return maxLoad < 0 ? -1 : minLoad;
  }

  synchronized double maxLoad() {
    return maxLoad;
  }

  private synchronized void sample() {
    double load = loadAverage();
    if (load >= 0) {
      minLoad = Math.min(minLoad, load);
      maxLoad = Math.max(maxLoad, load);
    }
  }

  /** The 1-minute load average from /proc/loadavg (Linux), or -1 where there is none. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
