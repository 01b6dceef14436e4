package uk.harbour.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import uk.harbour.rota.OnCall;
import uk.harbour.rota.RotaEngine;

/**
 * The rota as routing sees it: who is on call at an instant, reused until that answer's own
 * {@code until} (the engine expands days of shifts per call; routing asks on every message), and
 * when somebody next works. Someone whose account is disabled is on nobody's shift here (as in the
 * rota's gaps), however the rota still names them.
 */
public final class RotaNow {

  private final Supplier<RotaEngine> engines;
  private final Predicate<String> mayWork;
  private volatile Cached cached;

  private record Cached(RotaEngine engine, OnCall onCall) {}

  public RotaNow(Supplier<RotaEngine> engines) {
    this(engines, username -> true);
  }

  /** {@code mayWork}: false for someone whose account is disabled. */
  public RotaNow(Supplier<RotaEngine> engines, Predicate<String> mayWork) {
    this.engines = Objects.requireNonNull(engines);
    this.mayWork = Objects.requireNonNull(mayWork);
  }

  /** False for someone whose account is disabled: at work for nobody. */
  public boolean mayWork(String username) {
    return mayWork.test(username);
  }

  public RotaEngine engine() {
    return engines.get();
  }

  public OnCall at(Instant t) {
    RotaEngine engine = engines.get();
    Cached c = cached;
    if (c != null && c.engine == engine && !t.isBefore(c.onCall.at()) && t.isBefore(c.onCall.until())) {
      return working(c.onCall);
    }
    OnCall fresh = engine.onCallAt(t);
    cached = new Cached(engine, fresh);
    return working(fresh);
  }

  /** The rota's answer without anyone whose account is disabled (filtered on each call: a disable takes effect at once). */
  private OnCall working(OnCall onCall) {
    if (onCall.onCall().stream().allMatch(mayWork) && onCall.backup().stream().allMatch(mayWork) && onCall.dutyManagers().stream().allMatch(mayWork)) {
      return onCall;
    }
    return new OnCall(onCall.at(), onCall.officeHours(), onCall.onCall().stream().filter(mayWork).toList(),
        onCall.backup().stream().filter(mayWork).toList(), onCall.dutyManagers().stream().filter(mayWork).toList(), onCall.until());
  }

  /** When someone is next at work (on call, or office hours): {@code t} if now; empty if not within two weeks. */
  public Optional<Instant> nextStaffed(Instant t) {
    Instant cursor = t;
    Instant horizon = t.plus(RotaEngine.SEARCH_HORIZON);
    while (cursor.isBefore(horizon)) {
      OnCall at = working(engines.get().onCallAt(cursor));
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

  /**
   * Where a walk along the rota from {@code from} got to: work has run without a break since
   * {@code since} (after the walk's end while nobody is at work there), and the rota is read up to
   * {@code cursor}. Kept so the next sweep walks on from there, not from the start of the wait.
   */
  public record Staffed(RotaEngine engine, Instant from, Instant since, Instant cursor) {}

  /**
   * When the stretch of work that runs up to {@code now} began, counted from {@code from}: {@code from}
   * itself when somebody an alert could reach was at work (on call, backup or duty manager, or office
   * hours) all the time since, else the moment
   * the last time nobody was at work ended (after {@code now} while nobody is at work now).
   * {@code earlier} (may be null) is a walk from the same {@code from} to go on with.
   */
  public Staffed staffedSince(Staffed earlier, Instant from, Instant now) {
    RotaEngine engine = engines.get();
    boolean goOn = earlier != null && earlier.engine() == engine && earlier.from().equals(from);
    Instant since = goOn ? earlier.since() : from;
    Instant cursor = goOn ? earlier.cursor() : from;
    // A wait of weeks crosses a few changes a day; the bound only stops a rota that never settles.
    for (int step = 0; step < 10_000 && !cursor.isAfter(now); step++) {
      OnCall at = working(engine.onCallAt(cursor));
      if (!at.until().isAfter(cursor)) {
        break;
      }
      // Anyone an alert could reach counts: a shift whose advisers are all off sick still has its duty manager.
      if (!at.officeHours() && !at.anyoneOnCall() && at.backup().isEmpty() && at.dutyManagers().isEmpty()) {
        since = at.until();
      }
      cursor = at.until();
    }
    return new Staffed(engine, from, since, cursor);
  }
}
