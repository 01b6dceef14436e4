package uk.harbour.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.identity.SignedIn;

/**
 * Which staff are connected on this node and whether they are available, busy or away. Routing
 * reads it; every change is published so every console shows it. A staff member who drops off
 * keeps their status for a short grace period (a page reload, a tunnel) before they get no new work.
 */
public final class StaffPresence {

  public record State(String username, String displayName, String status, int connections, Instant disconnectedAt) {}

  private final ChatDelivery delivery;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public StaffPresence(ChatDelivery delivery, Clock clock) {
    this.delivery = Objects.requireNonNull(delivery);
    this.clock = Objects.requireNonNull(clock);
  }

  public void connected(SignedIn staff) {
    publish(
        states.compute(
            staff.id(),
            (id, s) ->
                s == null
                    ? new State(id, staff.displayName(), "available", 1, null)
                    : new State(id, s.displayName(), s.status(), s.connections() + 1, null)));
  }

  public void disconnected(SignedIn staff) {
    State after =
        states.computeIfPresent(
            staff.id(),
            (id, s) -> {
              int left = Math.max(0, s.connections() - 1);
              return new State(id, s.displayName(), s.status(), left, left == 0 ? clock.instant() : null);
            });
    if (after != null) {
      publish(after);
    }
  }

  public void set(SignedIn staff, String status) {
    publish(
        states.compute(
            staff.id(),
            (id, s) -> new State(id, staff.displayName(), status, s == null ? 0 : s.connections(), s == null ? clock.instant() : s.disconnectedAt())));
  }

  public Optional<State> of(String username) {
    return Optional.ofNullable(states.get(username));
  }

  public List<State> all() {
    return List.copyOf(states.values());
  }

  public boolean availableNow(String username) {
    State s = states.get(username);
    return s != null && s.connections() > 0 && "available".equals(s.status());
  }

  /** Available, or only just dropped off while available: may be given new work at {@code at}. */
  public boolean canTakeWork(String username, Instant at, Duration grace) {
    State s = states.get(username);
    if (s == null || !"available".equals(s.status())) {
      return false;
    }
    return s.connections() > 0 || (s.disconnectedAt() != null && at.isBefore(s.disconnectedAt().plus(grace)));
  }

  /** "available", "busy", "away" or "offline" (not connected), for pages and the on-call API. */
  public String describe(String username) {
    State s = states.get(username);
    return s == null || s.connections() == 0 ? "offline" : s.status();
  }

  private void publish(State state) {
    delivery.presence(state);
  }
}
