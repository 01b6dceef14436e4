package uk.harbour.web;

import java.time.Duration;

/**
 * A refusal that says when to try again (429 for the caller's own pace, 503 when Harbour is busy):
 * the answer carries {@code retryAfter} (whole seconds) in its error object and the same number in a
 * {@code Retry-After} header.
 */
public final class RetryLater extends HarbourException {

  private final long retryAfterSeconds;

  public RetryLater(String code, String message, Duration wait) {
    this(429, code, message, wait);
  }

  public RetryLater(int status, String code, String message, Duration wait) {
    super(status, code, message);
    // Rounded up: a client that waits this long is never refused for coming back a moment early.
    this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
