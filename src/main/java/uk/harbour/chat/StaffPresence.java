package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import uk.harbour.identity.SignedIn;

/**
 * Which staff are connected and whether they are available, busy or away, across every node.
 * Routing reads it; every change is published so every console shows it. A staff member who drops
 * off keeps their status for a short grace period (a page reload, a tunnel) before they get no new
 * work. Each node counts its own connections; in clustered mode {@link PresenceSync} brings in the
 * other nodes' counts and status changes, and a node that leaves takes its connections with it.
 */
public final class StaffPresence {

  public record State(String username, String displayName, String status, int connections, Instant disconnectedAt) {}

  /**
   * One person as this node knows them: connections per node, and the status last set anywhere.
   * Which status is the last is counted, not timed (clocks differ, and tests stop them): each change
   * takes the highest count known plus one; an equal count from two nodes goes to the higher node id.
   */
  private record Person(String displayName, String status, long statusCount, String statusBy, Map<String, Integer> connections, Instant disconnectedAt) {

    boolean isOlderThan(long count, String by) {
      return count > statusCount || (count == statusCount && by.compareTo(statusBy) > 0);
    }

    int total() {
      return connections.values().stream().mapToInt(Integer::intValue).sum();
    }

    Person withConnections(String node, int count, Instant now) {
      Map<String, Integer> next = new HashMap<>(connections);
      if (count > 0) {
        next.put(node, count);
      } else {
        next.remove(node);
      }
      int after = next.values().stream().mapToInt(Integer::intValue).sum();
      Instant dropped = after > 0 ? null : total() > 0 || disconnectedAt == null ? now : disconnectedAt;
      return new Person(displayName, status, statusCount, statusBy, Map.copyOf(next), dropped);
    }

    State state(String username) {
      return new State(username, displayName, status, total(), disconnectedAt);
    }
  }

  private final ChatDelivery delivery;
  private final Clock clock;
  private final String node;
  private final Map<String, Person> people = new ConcurrentHashMap<>();
  private volatile Consumer<JsonObject> share = view -> {};

  /** One node. */
  public StaffPresence(ChatDelivery delivery, Clock clock) {
    this(delivery, clock, "local");
  }

  /** {@code node}: this node's id in the cluster. */
  public StaffPresence(ChatDelivery delivery, Clock clock, String node) {
    this.delivery = Objects.requireNonNull(delivery);
    this.clock = Objects.requireNonNull(clock);
    this.node = Objects.requireNonNull(node);
  }

  public void connected(SignedIn staff) {
    Instant now = clock.instant();
    changedHere(staff.id(), people.compute(staff.id(), (id, p) -> p == null
        ? new Person(staff.displayName(), "available", 0, node, Map.of(node, 1), null)
        : p.withConnections(node, p.connections().getOrDefault(node, 0) + 1, now)));
  }

  public void disconnected(SignedIn staff) {
    Instant now = clock.instant();
    Person after = people.computeIfPresent(staff.id(), (id, p) -> p.withConnections(node, Math.max(0, p.connections().getOrDefault(node, 0) - 1), now));
    if (after != null) {
      changedHere(staff.id(), after);
    }
  }

  public void set(SignedIn staff, String status) {
    Instant now = clock.instant();
    changedHere(staff.id(), people.compute(staff.id(), (id, p) -> p == null
        ? new Person(staff.displayName(), status, 1, node, Map.of(), now)
        : new Person(staff.displayName(), status, p.statusCount() + 1, node, p.connections(), p.disconnectedAt())));
  }

  public Optional<State> of(String username) {
    return Optional.ofNullable(people.get(username)).map(p -> p.state(username));
  }

  public List<State> all() {
    List<State> all = new ArrayList<>();
    people.forEach((username, p) -> all.add(p.state(username)));
    return all;
  }

  public boolean availableNow(String username) {
    Person p = people.get(username);
    return p != null && p.total() > 0 && "available".equals(p.status());
  }

  /** Available, or only just dropped off while available: may be given new work at {@code at}. */
  public boolean canTakeWork(String username, Instant at, Duration grace) {
    Person p = people.get(username);
    if (p == null || !"available".equals(p.status())) {
      return false;
    }
    return p.total() > 0 || (p.disconnectedAt() != null && at.isBefore(p.disconnectedAt().plus(grace)));
  }

  /** "available", "busy", "away" or "offline" (not connected), for pages and the on-call API. */
  public String describe(String username) {
    Person p = people.get(username);
    return p == null || p.total() == 0 ? "offline" : p.status();
  }

  // Clustered mode (PresenceSync).

  /** Told this node's view of a person after every change made here, to pass to the other nodes. */
  void onChangeHere(Consumer<JsonObject> share) {
    this.share = Objects.requireNonNull(share);
  }

  /** This node's view of everyone it knows, for a node that has just joined. */
  List<JsonObject> views() {
    List<JsonObject> views = new ArrayList<>();
    people.forEach((username, p) -> views.add(view(username, p)));
    return views;
  }

  /**
   * Another node's view of a person: its own connection count replaces what was known of it, and
   * its status counts if it was set after the one held here.
   */
  void heard(JsonObject view) {
    String from = view.getString("node");
    String username = view.getString("username");
    long count = view.getLong("statusCount");
    String by = view.getString("statusBy");
    Instant droppedThere = view.getLong("disconnectedAt") == null ? clock.instant() : Instant.ofEpochMilli(view.getLong("disconnectedAt"));
    people.compute(username, (id, p) -> {
      Person base = p == null ? new Person(view.getString("displayName"), view.getString("status"), count, by, Map.of(), droppedThere) : p;
      if (base.isOlderThan(count, by)) {
        base = new Person(base.displayName(), view.getString("status"), count, by, base.connections(), base.disconnectedAt());
      }
      return base.withConnections(from, view.getInteger("connections"), droppedThere);
    });
  }

  /** A node left the cluster (stopped or died): its connections are gone, and the grace period starts now. */
  void nodeLeft(String gone) {
    Instant now = clock.instant();
    people.forEach((username, p) -> {
      if (p.connections().containsKey(gone)) {
        Person after = people.computeIfPresent(username, (id, q) -> q.withConnections(gone, 0, now));
        if (after != null) {
          delivery.presence(after.state(username));
        }
      }
    });
  }

  private void changedHere(String username, Person person) {
    delivery.presence(person.state(username));
    share.accept(view(username, person));
  }

  private JsonObject view(String username, Person p) {
    return new JsonObject()
        .put("node", node)
        .put("username", username)
        .put("displayName", p.displayName())
        .put("status", p.status())
        .put("statusCount", p.statusCount())
        .put("statusBy", p.statusBy())
        .put("connections", p.connections().getOrDefault(node, 0))
        .put("disconnectedAt", p.disconnectedAt() == null ? null : p.disconnectedAt().toEpochMilli());
  }
}
