package uk.harbour.chat;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an account, or one connection). Memory is bounded: at most one bucket per
 * account, and idle buckets are dropped when the map grows past its cap.
 */
public final class RateLimiter {

  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final double capacity;
  private final double perMilli;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock, int burst, int perMinute) {
    this.clock = Objects.requireNonNull(clock);
    this.capacity = burst;
    this.perMilli = perMinute / 60_000.0;
  }

  /** Takes one token; returns 0 when allowed, otherwise the milliseconds until one is free. */
  public long tryAcquire(String key) {
    long now = clock.millis();
    if (buckets.size() > MAX_KEYS) {
      buckets.values().removeIf(b -> b.full(now));
    }
    return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perMilli, now)).take(now);
  }
}
