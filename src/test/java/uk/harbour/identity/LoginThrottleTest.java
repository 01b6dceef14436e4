package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.LoginThrottle.Attempt;
import uk.harbour.testing.TestClock;

@DisplayName("The sign-in throttle")
@Timeout(30)
class LoginThrottleTest {

  private final TestClock clock = TestClock.at("2026-11-28T22:00");
  private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Limits.DEFAULT);

  @Test
  @DisplayName("lets one of two simultaneous tries through a slowed account's opening, not both")
  void oneTryPerOpening() {
    for (int i = 0; i < 5; i++) {
      Attempt attempt = Attempt.onAccount("staff:sam", "10.0.0." + i, Optional.empty());
      assertEquals(Optional.empty(), throttle.admit(attempt));
      throttle.failed(attempt);
    }
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), throttle.admit(Attempt.onAccount("staff:sam", "10.0.1.1", Optional.empty())), "the first through the opening");
    assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.admit(Attempt.onAccount("staff:sam", "10.0.1.2", Optional.empty())), "the second waits");
    assertEquals(Optional.empty(), throttle.admit(Attempt.onAccount("staff:sam", "10.0.1.3", Optional.of("browser-hash"))), "a known browser does not");
  }

  @Test
  @DisplayName("forgets failures after an hour without one, and a success clears the account but not the address")
  void forgetting() {
    Attempt attempt = Attempt.onAccount("young:jay", "10.0.2.1", Optional.empty());
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertEquals(Optional.empty(), throttle.admit(attempt), "failure " + i + " let through");
      throttle.failed(attempt);
    }
    assertEquals(Optional.of(Duration.ofSeconds(32)), throttle.admit(attempt), "ten failures 20 minutes apart all count");
    clock.advance(Duration.ofHours(1));
    assertEquals(Optional.empty(), throttle.admit(attempt), "forgotten after an hour");

    for (int i = 0; i < 10; i++) {
      throttle.failed(attempt);
    }
    throttle.succeeded(attempt);
    assertTrue(throttle.admit(Attempt.onAccount("young:someone-else", "10.0.2.1", Optional.empty())).isPresent(), "the address still waits");
    assertEquals(Optional.empty(), throttle.admit(Attempt.onAccount("young:jay", "10.0.2.2", Optional.empty())), "the account starts afresh");
  }
}
