package uk.harbour.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import uk.harbour.rota.OnCall;
import uk.harbour.rota.RotaEngine;

/**
 * The rota as routing sees it: who is on call at an instant, reused until that answer's own
 * {@code until} (the engine expands days of shifts per call; routing asks on every message), and
 * when somebody next works.
 */
public final class RotaNow {

  private final Supplier<RotaEngine> engines;
  private volatile Cached cached;

  private record Cached(RotaEngine engine, OnCall onCall) {}

  public RotaNow(Supplier<RotaEngine> engines) {
    this.engines = Objects.requireNonNull(engines);
  }

  public RotaEngine engine() {
    return engines.get();
  }

  public OnCall at(Instant t) {
    RotaEngine engine = engines.get();
    Cached c = cached;
    if (c != null && c.engine == engine && !t.isBefore(c.onCall.at()) && t.isBefore(c.onCall.until())) {
      return c.onCall;
    }
    OnCall fresh = engine.onCallAt(t);
    cached = new Cached(engine, fresh);
    return fresh;
  }

  /** When someone is next at work (on call, or office hours): {@code t} if now; empty if not within two weeks. */
  public Optional<Instant> nextStaffed(Instant t) {
    Instant cursor = t;
    Instant horizon = t.plus(RotaEngine.SEARCH_HORIZON);
    while (cursor.isBefore(horizon)) {
      OnCall at = engines.get().onCallAt(cursor);
      if (at.officeHours() || at.anyoneOnCall()) {
        return Optional.of(cursor);
      }
      if (!at.until().isAfter(cursor)) {
        return Optional.empty();
      }
      cursor = at.until();
    }
    return Optional.empty();
  }
}
