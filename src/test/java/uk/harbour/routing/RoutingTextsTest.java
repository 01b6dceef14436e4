package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("How routing says when someone is next on, in London time across the clock change")
@Timeout(30)
class RoutingTextsTest {

  private final RoutingTexts texts = new RoutingTexts(ZoneId.of("Europe/London"), "Demo Borough Council", "0161 496 0000");

  @Test
  @DisplayName("Today, tomorrow and later days, with minutes only when they are not zero")
  void when() {
    Instant now = Instant.parse("2026-11-25T23:30:00Z");
    assertEquals("at 9am tomorrow", texts.when(Instant.parse("2026-11-26T09:00:00Z"), now));
    assertEquals("at 11:45pm today", texts.when(Instant.parse("2026-11-25T23:45:00Z"), now));
    assertEquals("at 5pm on Friday 27 November", texts.when(Instant.parse("2026-11-27T17:00:00Z"), now));
    assertEquals("at 12am on Friday 27 November", texts.when(Instant.parse("2026-11-27T00:00:00Z"), now));
  }

  @Test
  @DisplayName("British Summer Time is shown as the local hour")
  void summerTime() {
    Instant saturday = Instant.parse("2026-03-28T22:00:00Z");
    // 08:00 UTC on Sunday 29 March is 9am BST (the clocks went forward at 01:00 GMT).
    assertEquals("at 9am tomorrow", texts.when(Instant.parse("2026-03-29T08:00:00Z"), saturday));
  }
}
