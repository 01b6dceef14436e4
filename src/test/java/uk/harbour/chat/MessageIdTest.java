package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Message ids: the store's history look-ups and their order both depend on this exact form. */
@DisplayName("A message id")
@Timeout(30)
class MessageIdTest {

  @Test
  @DisplayName("is the conversation id and the seq padded to twelve digits")
  void padsTheSeq() {
    assertEquals("cl-1:000000000001", Message.id("cl-1", 1));
    assertEquals("cl-1:000000004096", Message.id("cl-1", 4096));
    assertEquals("cl-1:999999999999", Message.id("cl-1", 999_999_999_999L));
  }

  @Test
  @DisplayName("sorts in seq order within a conversation")
  void sortsBySeq() {
    for (long seq = 1; seq < 100_000; seq = seq * 3 + 1) {
      assertTrue(Message.id("c", seq).compareTo(Message.id("c", seq + 1)) < 0, "seq " + seq);
    }
  }
}
