package uk.harbour.chat;

/**
 * One token bucket: {@code capacity} tokens, refilled at {@code perMilli} a millisecond. The
 * {@link RateLimiter} keeps one per key; a connection keeps its own, without a map around it.
 */
final class TokenBucket {

  private final double capacity;
  private final double perMilli;
  private double tokens;
  private long updated;

  TokenBucket(double capacity, double perMilli, long now) {
    this.capacity = capacity;
    this.perMilli = perMilli;
    this.tokens = capacity;
    this.updated = now;
  }

  /** Takes one token; returns 0 when allowed, otherwise the milliseconds until one is free. */
  synchronized long take(long now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perMilli);
  }

  synchronized boolean full(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    if (now > updated) {
      tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
      updated = now;
    }
  }
}
