package uk.harbour.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.harbour.chat.Message;

/**
 * Each conversation's latest words from the young person, kept for a short while, so that a
 * sentence sent in two messages ("I want to", then "end it") is checked whole. Only words that did
 * not flag on their own are joined to the next: a flag staff have cleared is not raised again by
 * the harmless message after it. Bounded: the conversations written in most recently.
 */
final class LastWords {

  /** How soon the next message must follow for the two to be read as one. */
  static final Duration WITHIN = Duration.ofMinutes(2);
  private static final int CONVERSATIONS = 10_000;

  private record Said(long seq, String text, Instant at, boolean flagged) {}

  private final Map<String, Said> latest = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Said> eldest) {
      return size() > CONVERSATIONS;
    }
  };

  /** The words just before {@code message}, if the young person wrote them within {@link #WITHIN} and they did not flag. */
  synchronized Optional<String> before(Message message) {
    Said said = latest.get(message.conversationId());
    if (said == null || said.flagged() || said.seq() >= message.seq() || Duration.between(said.at(), message.createdAt()).compareTo(WITHIN) > 0) {
      return Optional.empty();
    }
    return Optional.of(said.text());
  }

  synchronized void remember(Message message, boolean flagged) {
    Said said = latest.get(message.conversationId());
    if (said == null || said.seq() < message.seq()) {
      latest.put(message.conversationId(), new Said(message.seq(), message.text(), message.createdAt(), flagged));
    }
  }
}
