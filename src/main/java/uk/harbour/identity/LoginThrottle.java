package uk.harbour.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows guessing: after too many failures within a window an account, or an address, is locked
 * for a while, longer each time. Memory is bounded so a spray of addresses cannot grow it.
 */
public final class LoginThrottle {

  public record Limits(int perAccount, int perAddress, Duration window, Duration lockout) {
    public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  private static final int MAX_ENTRIES = 50_000;

  private final Clock clock;
  private final Limits limits;
  private final Map<String, Record> records =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  public LoginThrottle(Clock clock, Limits limits) {
    this.clock = Objects.requireNonNull(clock);
    this.limits = Objects.requireNonNull(limits);
  }

  private static final class Record {
    int failures;
    Instant windowStart;
    Instant lockedUntil;
    int lockouts;
  }

  /** When either the account or the address is locked, until when. */
  public synchronized Optional<Instant> lockedUntil(String account, String address) {
    Instant now = clock.instant();
    Instant a = locked(records.get("a:" + account), now);
    Instant b = locked(records.get("i:" + address), now);
    if (a == null && b == null) {
      return Optional.empty();
    }
    return Optional.of(a == null ? b : b == null ? a : (a.isAfter(b) ? a : b));
  }

  /** Records a failure; true when it has just locked the account or address. */
  public synchronized boolean failed(String account, String address) {
    boolean lockedAccount = fail("a:" + account, limits.perAccount());
    boolean lockedAddress = fail("i:" + address, limits.perAddress());
    return lockedAccount || lockedAddress;
  }

  public synchronized void succeeded(String account, String address) {
    records.remove("a:" + account);
  }

  private boolean fail(String key, int limit) {
    Instant now = clock.instant();
    Record record = records.computeIfAbsent(key, k -> new Record());
    if (record.windowStart == null || now.isAfter(record.windowStart.plus(limits.window()))) {
      record.windowStart = now;
      record.failures = 0;
    }
    if (++record.failures >= limit) {
      record.lockouts++;
      // Each lock-out is longer than the last, up to 16 times the base.
      record.lockedUntil = now.plus(limits.lockout().multipliedBy(1L << Math.min(record.lockouts - 1, 4)));
      record.failures = 0;
      record.windowStart = now;
      return true;
    }
    return false;
  }

  private static Instant locked(Record record, Instant now) {
    return record != null && record.lockedUntil != null && now.isBefore(record.lockedUntil) ? record.lockedUntil : null;
  }
}
