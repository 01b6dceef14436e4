package uk.harbour.chat;

import uk.harbour.web.HarbourException;

/** The account's message allowance is used up: 429 {@code rate_limited}, with when to try again. */
public final class RateLimitedException extends HarbourException {

  private final long retryAfterMs;

  public RateLimitedException(long retryAfterMs) {
    super(429, "rate_limited", "You are sending messages very fast. Please wait a moment.");
    this.retryAfterMs = retryAfterMs;
  }

  public long retryAfterMs() {
    return retryAfterMs;
  }
}
