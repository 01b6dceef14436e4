package uk.harbour.chat;

import java.time.Duration;
import java.time.Instant;

/**
 * The response-time part of a conversation's fold, which the reports read instead of scanning
 * messages: when the episode began, its first reply, and how many waits were answered, in how long
 * in total and at longest. Stored flat in {@link ConversationState}.
 */
final class ResponseTimes {

  Instant episodeStartedAt;
  Instant firstResponseAt;
  long responses;
  long totalMillis;
  long maxMillis;

  void episodeStarted(Instant at) {
    episodeStartedAt = at;
    firstResponseAt = null;
  }

  /** A reply from staff at {@code at}; {@code waitingSince} null when the young person was not waiting. */
  void replied(Instant waitingSince, Instant at) {
    if (waitingSince != null) {
      long waited = Math.max(0, Duration.between(waitingSince, at).toMillis());
      responses++;
      totalMillis += waited;
      maxMillis = Math.max(maxMillis, waited);
    }
    if (firstResponseAt == null) {
      firstResponseAt = at;
    }
  }

  void restore(ConversationState s) {
    episodeStartedAt = s.episodeStartedAt();
    firstResponseAt = s.firstResponseAt();
    responses = s.responses();
    totalMillis = s.totalResponseMillis();
    maxMillis = s.maxResponseMillis();
  }
}
