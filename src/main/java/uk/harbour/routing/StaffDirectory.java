package uk.harbour.routing;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccount;
import uk.harbour.identity.StaffRepository;

/**
 * Staff names, held in memory so routing messages ("You are now talking with Priya") and the on-call
 * view never wait for the store. Refreshed by the routing sweep; a name not yet known reads as the
 * username.
 */
public final class StaffDirectory {

  private final StaffRepository staff;
  private final Map<String, String> names = new ConcurrentHashMap<>();
  /** Active advisers, in name order: whom a conversation can be transferred to. Replaced whole on refresh. */
  private volatile List<String> advisers = List.of();
  /** Active managers, in name order: who is told when office hours have nobody else to tell. Replaced whole on refresh. */
  private volatile List<String> managers = List.of();
  /** Each active manager's team (null: every team). Replaced whole on refresh. */
  private volatile Map<String, String> managerTeams = Map.of();
  /** Staff whose accounts are disabled: never on shift, never given work. Replaced whole on refresh. */
  private volatile java.util.Set<String> disabled = java.util.Set.of();
  /** Names still unknown after a refresh (no such account): not worth a store read on every message. */
  private final java.util.Set<String> missing = ConcurrentHashMap.newKeySet();

  public StaffDirectory(StaffRepository staff) {
    this.staff = Objects.requireNonNull(staff);
  }

  public Future<Void> refresh() {
    return staff
        .all()
        .map(
            all -> {
              for (StaffAccount account : all) {
                names.put(account.username(), account.displayName());
              }
              advisers = active(all, Role.ADVISER);
              managers = active(all, Role.MANAGER);
              Map<String, String> teams = new java.util.HashMap<>();
              all.stream().filter(a -> a.active() && a.role() == Role.MANAGER).forEach(a -> teams.put(a.username(), a.team()));
              managerTeams = java.util.Collections.unmodifiableMap(teams);
              disabled = all.stream().filter(a -> !a.active()).map(StaffAccount::username).collect(java.util.stream.Collectors.toUnmodifiableSet());
              missing.clear();
              return null;
            });
  }

  private static List<String> active(List<StaffAccount> all, Role role) {
    return all.stream()
        .filter(a -> a.active() && a.role() == role)
        .sorted(Comparator.comparing(StaffAccount::displayName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
        .map(StaffAccount::username)
        .toList();
  }

  /** Refreshes first if any of these names is not known yet (a member of staff added since). */
  public Future<Void> ensure(java.util.Collection<String> usernames) {
    List<String> unknown = usernames.stream().filter(u -> u != null && !names.containsKey(u) && !missing.contains(u)).toList();
    if (unknown.isEmpty()) {
      return Future.succeededFuture();
    }
    return refresh().onSuccess(v -> unknown.stream().filter(u -> !names.containsKey(u)).forEach(missing::add));
  }

  /** Every active adviser's username, as of the last refresh (the routing sweep's, at most a minute old). */
  public List<String> advisers() {
    return advisers;
  }

  /**
   * Whom office hours tell about a young person of {@code team} when there is nobody else: the
   * active managers of that team and those with no team (who see every team); with none of those,
   * every active manager, as somebody must be told (an alerted manager may open the conversation).
   */
  public List<String> managersFor(String team) {
    Map<String, String> teams = managerTeams;
    List<String> theirs = managers.stream().filter(m -> teams.get(m) == null || teams.get(m).equals(team)).toList();
    return theirs.isEmpty() ? managers : theirs;
  }

  /**
   * Whether this person may be on shift and hold conversations: false only for an account known to
   * be disabled (as of the last refresh, which a disable or enable triggers on every node).
   */
  public boolean mayWork(String username) {
    return !disabled.contains(username);
  }

  public String displayName(String username) {
    return username == null ? null : names.getOrDefault(username, username);
  }

  /** What a young person sees: the first name only. */
  public String firstName(String username) {
    return StaffAccount.firstName(displayName(username));
  }
}
