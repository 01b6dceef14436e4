package uk.harbour.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's 1-minute load average through a run's measured window, sampled every few seconds, so
 * every figure carries the load it was taken at (issue 17). With 2 cores the bench and its server
 * alone make it 2–3.5; more means they queued behind other work.
 */
final class HostLoad {

  private static final long SAMPLE_MS = 5000;

  private final Vertx vertx;
  private double minLoad = Double.MAX_VALUE;
  private double maxLoad = -1;
  private long timer = -1;

  HostLoad(Vertx vertx) {
    this.vertx = vertx;
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
