package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.identity.SignedIn;

/**
 * Which staff are connected on this node and whether they are available, busy or away. Routing
 * reads it; every change is published so every console shows it.
 */
public final class StaffPresence {

  public record State(String username, String displayName, String status, int connections) {}

  private final ChatDelivery delivery;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public StaffPresence(ChatDelivery delivery) {
    this.delivery = Objects.requireNonNull(delivery);
  }

  public void connected(SignedIn staff) {
    publish(
        states.compute(
            staff.id(),
            (id, s) -> s == null ? new State(id, staff.displayName(), "available", 1) : new State(id, s.displayName(), s.status(), s.connections() + 1)));
  }

  public void disconnected(SignedIn staff) {
    State after = states.computeIfPresent(staff.id(), (id, s) -> new State(id, s.displayName(), s.status(), s.connections() - 1));
    if (after != null) {
      publish(after);
    }
  }

  public void set(SignedIn staff, String status) {
    publish(
        states.compute(
            staff.id(), (id, s) -> new State(id, staff.displayName(), status, s == null ? 0 : s.connections())));
  }

  public Optional<State> of(String username) {
    return Optional.ofNullable(states.get(username));
  }

  public boolean availableNow(String username) {
    State s = states.get(username);
    return s != null && s.connections() > 0 && "available".equals(s.status());
  }

  private void publish(State state) {
    delivery.presence(
        new JsonObject()
            .put("username", state.username())
            .put("displayName", state.displayName())
            .put("status", state.status())
            .put("connected", state.connections() > 0));
  }
}
