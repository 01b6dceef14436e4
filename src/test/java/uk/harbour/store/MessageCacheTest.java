package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

@DisplayName("The recent-message cache")
@Timeout(30)
class MessageCacheTest {

  @Test
  @DisplayName("keeps a conversation's recent end and not messages read while scrolling far back")
  void keepsTheRecentEnd() {
    MessageCache cache = new MessageCache(1000, 10);
    cache.put(message("a", 100));
    cache.put(message("a", 40));
    cache.put(message("a", 90));
    cache.put(message("a", 91));

    assertNotNull(cache.get(Message.id("a", 100)));
    assertNotNull(cache.get(Message.id("a", 91)));
    assertNull(cache.get(Message.id("a", 90)), "ten behind the newest");
    assertNull(cache.get(Message.id("a", 40)), "far behind the newest");
    // Another conversation's newest is its own.
    cache.put(message("b", 3));
    assertNotNull(cache.get(Message.id("b", 3)));
  }

  @Test
  @DisplayName("drops the least recently used message when full")
  void dropsTheLeastRecentlyUsed() {
    MessageCache cache = new MessageCache(3, 100);
    cache.put(message("a", 1));
    cache.put(message("a", 2));
    cache.put(message("a", 3));
    cache.get(Message.id("a", 1));
    cache.put(message("a", 4));

    assertNull(cache.get(Message.id("a", 2)));
    assertNotNull(cache.get(Message.id("a", 1)));
    assertNotNull(cache.get(Message.id("a", 4)));
  }

  @Test
  @DisplayName("answers a resend by conversation, sender and client id, and forgets it with the message")
  void findsByClientId() {
    MessageCache cache = new MessageCache(2, 100);
    cache.put(message("a", 1));
    assertNotNull(cache.byClientId("a", "a", "c1"));
    assertNull(cache.byClientId("b", "a", "c1"), "another conversation's client ids are its own");
    assertNull(cache.byClientId("a", "someone-else", "c1"), "and so are another sender's");
    cache.put(message("a", 2));
    cache.put(message("a", 3));
    assertNull(cache.byClientId("a", "a", "c1"), "dropped from the cache, so the store is asked");
    assertNotNull(cache.byClientId("a", "a", "c3"));
  }

  private static Message message(String conversation, long seq) {
    return new Message(conversation, seq, 1, MessageKind.TEXT, "hello", conversation, Role.CARE_LEAVER, "Jay", "c" + seq,
        Instant.parse("2026-11-25T20:00:00Z"), null, null);
  }
}
