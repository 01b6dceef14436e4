package uk.harbour.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait for something the server does in its own time (Awaitility): the
 * condition is checked at once, then every 10 ms, for up to 10 s, on the calling thread, and the
 * wait fails with a {@code ConditionTimeoutException} if it never holds. From test threads only,
 * never an event loop.
 * Waiting for a frame is {@link TestSocket#next}; proving a frame does not come is
 * {@link TestSocket#arrivesBefore}.
 */
public final class Eventually {

  static final Duration AT_MOST = Duration.ofSeconds(10);
  static final Duration POLL = Duration.ofMillis(10);

  private Eventually() {}

  /** Awaitility with the suite's timings, for waits that need more than the two below. */
  public static ConditionFactory eventually() {
    // On the test's own thread: no poller thread to outlive the wait (LifecycleTest counts threads).
    return Awaitility.await().atMost(AT_MOST).pollDelay(Duration.ZERO).pollInterval(POLL).pollInSameThread();
  }

  /** Waits until {@code condition} is true. */
  public static void eventually(Callable<Boolean> condition) {
    eventually().until(condition);
  }

  /** Waits until {@code value} gives something that meets {@code condition}, and returns that. */
  public static <T> T eventually(Callable<T> value, Predicate<? super T> condition) {
    return eventually().until(value, condition);
  }
}
