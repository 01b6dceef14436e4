package uk.harbour.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock tests move by hand; safe to read from any thread. */
public final class TestClock extends Clock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private volatile Instant now;
  private final ZoneId zone;

  public TestClock(Instant now) {
    this(now, LONDON);
  }

  private TestClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A London wall-clock time, e.g. {@code at("2026-11-28T23:00")}. */
  public static TestClock at(String localDateTime) {
    return new TestClock(java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant());
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void setLocal(String localDateTime) {
    now = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // Shares nothing but the start: tests keep the instance they created and pass it in unchanged.
    return zone.equals(this.zone) ? this : new ZonedView(this, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** A zone-shifted view that still follows the original clock. */
  private static final class ZonedView extends Clock {
    private final TestClock source;
    private final ZoneId zone;

    ZonedView(TestClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return source.withZone(zone);
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }
}
