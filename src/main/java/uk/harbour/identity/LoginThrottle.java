package uk.harbour.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing without letting anyone lock a person out. Failures are counted per source
 * address and per account (as typed, so unknown names behave exactly like real ones); after a few
 * free failures each further failure doubles how long that address, or that account, must wait
 * before its next try, up to a ceiling. Nothing is ever locked: every wait ends. A browser the
 * account signed in from before (a known browser) does not wait for failures others caused on the
 * account; it has a few failures of its own before it counts as unknown. Memory is bounded, so a
 * spray of addresses or names cannot grow it.
 */
public final class LoginThrottle {

  /**
   * @param freePerAccount failures an account may have before its tries must wait
   * @param freePerAddress the same for an address
   * @param perKnownBrowser failures with a known browser before it stops skipping the account's wait
   * @param firstDelay the first wait, doubled by each further failure
   * @param maxAccountDelay the longest an account's tries wait
   * @param maxAddressDelay the longest an address's tries wait
   * @param forgetAfter failures are forgotten after this long without one
   */
  public record Limits(
      int freePerAccount,
      int freePerAddress,
      int perKnownBrowser,
      Duration firstDelay,
      Duration maxAccountDelay,
      Duration maxAddressDelay,
      Duration forgetAfter) {
    public static final Limits DEFAULT =
        new Limits(5, 10, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));
  }

  /**
   * One try: the account as typed (with a prefix that keeps staff and young people's names apart),
   * where it came from, and the stored id of the known browser it came with, if it is known for that
   * account. Invite codes have no account: only their address is counted.
   */
  public record Attempt(Optional<String> account, String address, Optional<String> knownBrowser) {

    public static Attempt onAccount(String account, String address, Optional<String> knownBrowser) {
      return new Attempt(Optional.of(account), address, knownBrowser);
    }

    public static Attempt fromAddress(String address) {
      return new Attempt(Optional.empty(), address, Optional.empty());
    }
  }

  /** What a failure did: started slowing the account or the address, or used up the known browser. */
  public record Failure(boolean accountSlowedNow, boolean addressSlowedNow, boolean browserSpent) {}

  private static final int MAX_ENTRIES = 50_000;

  private final Clock clock;
  private final Limits limits;
  private final Map<String, Counter> counters =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  public LoginThrottle(Clock clock, Limits limits) {
    this.clock = Objects.requireNonNull(clock);
    this.limits = Objects.requireNonNull(limits);
  }

  private static final class Counter {
    int failures;
    Instant lastFailure = Instant.MIN;
    Instant notBefore = Instant.MIN;
  }

  /**
   * Empty when this try may go ahead now, otherwise how long it must wait. A try let through while
   * its address or account is being slowed holds back the next one for the current wait, so tries
   * sent at the same moment cannot all slip through one opening.
   */
  public synchronized Optional<Duration> admit(Attempt attempt) {
    Instant now = clock.instant();
    Counter address = counter(address(attempt), now);
    Counter account = attempt.account().isEmpty() || skipsAccountWait(attempt, now) ? null : counter(account(attempt), now);
    Duration wait = max(remaining(address, now), remaining(account, now));
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    hold(address, limits.freePerAddress(), limits.maxAddressDelay(), now);
    hold(account, limits.freePerAccount(), limits.maxAccountDelay(), now);
    return Optional.empty();
  }

  public synchronized Failure failed(Attempt attempt) {
    Instant now = clock.instant();
    boolean account = attempt.account().isPresent() && fail(counter(account(attempt), now), limits.freePerAccount(), limits.maxAccountDelay(), now);
    boolean address = fail(counter(address(attempt), now), limits.freePerAddress(), limits.maxAddressDelay(), now);
    boolean browserSpent = false;
    if (attempt.knownBrowser().isPresent()) {
      Counter browser = counter(browser(attempt), now);
      browser.failures++;
      browser.lastFailure = now;
      browserSpent = browser.failures == limits.perKnownBrowser();
    }
    return new Failure(account, address, browserSpent);
  }

  /**
   * The right secret: the account (and its browser) start afresh. The address does not, or an
   * attacker with an account of their own could clear their address's wait by signing in.
   */
  public synchronized void succeeded(Attempt attempt) {
    attempt.account().ifPresent(account -> counters.remove("account:" + account));
    attempt.knownBrowser().ifPresent(id -> counters.remove("browser:" + id));
  }

  private boolean skipsAccountWait(Attempt attempt, Instant now) {
    if (attempt.knownBrowser().isEmpty()) {
      return false;
    }
    Counter browser = counters.get(browser(attempt));
    return browser == null || forgotten(browser, now) || browser.failures < limits.perKnownBrowser();
  }

  /** Counts a failure; true when it is the one that starts the waits. */
  private boolean fail(Counter counter, int free, Duration max, Instant now) {
    counter.failures++;
    counter.lastFailure = now;
    counter.notBefore = now.plus(delay(counter.failures, free, max));
    return counter.failures == free;
  }

  private void hold(Counter counter, int free, Duration max, Instant now) {
    if (counter != null && counter.failures >= free) {
      counter.notBefore = now.plus(delay(counter.failures, free, max));
    }
  }

  /** No wait for the first {@code free} failures, then the first delay, doubled each time, up to {@code max}. */
  private Duration delay(int failures, int free, Duration max) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 30);
    Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  private Counter counter(String key, Instant now) {
    Counter counter = counters.computeIfAbsent(key, k -> new Counter());
    if (forgotten(counter, now)) {
      counter.failures = 0;
      counter.notBefore = Instant.MIN;
    }
    return counter;
  }

  private boolean forgotten(Counter counter, Instant now) {
    return counter.failures > 0 && !now.isBefore(counter.lastFailure.plus(limits.forgetAfter()));
  }

  private static Duration remaining(Counter counter, Instant now) {
    return counter == null || !now.isBefore(counter.notBefore) ? Duration.ZERO : Duration.between(now, counter.notBefore);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String account(Attempt attempt) {
    return "account:" + attempt.account().orElseThrow();
  }

  private static String address(Attempt attempt) {
    return "address:" + attempt.address();
  }

  private static String browser(Attempt attempt) {
    return "browser:" + attempt.knownBrowser().orElseThrow();
  }
}
