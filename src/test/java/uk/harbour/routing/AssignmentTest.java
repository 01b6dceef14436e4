package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.rota.OnCall;
import uk.harbour.routing.Assignment.Assign;
import uk.harbour.routing.Assignment.Decision;
import uk.harbour.routing.Assignment.Wait;
import uk.harbour.routing.Assignment.WaitReason;
import uk.harbour.routing.Assignment.Why;

@DisplayName("Choosing who gets a waiting conversation")
@Timeout(30)
class AssignmentTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");

  /** Advisers with given loads; {@code away} cannot take work; capacity 2 for everyone. */
  private record Team(Map<String, Integer> active, Set<String> away, Map<String, Instant> last) implements Assignment.Advisers {
    public boolean canTakeWork(String adviser) {
      return !away.contains(adviser);
    }

    public int active(String adviser) {
      return active.getOrDefault(adviser, 0);
    }

    public int capacity(String adviser) {
      return 2;
    }

    public Optional<Instant> lastAssigned(String adviser) {
      return Optional.ofNullable(last.get(adviser));
    }
  }

  private static OnCall onCall(boolean officeHours, String... advisers) {
    return new OnCall(T, officeHours, List.of(advisers), List.of(), List.of(), T.plusSeconds(3600));
  }

  private static Decision choose(String pa, OnCall onCall, Team team) {
    return Assignment.choose(pa, onCall, team, Set.of());
  }

  private static Team team() {
    return new Team(Map.of(), Set.of(), Map.of());
  }

  @Test
  @DisplayName("The own PA comes first when on call, or in office hours")
  void ownPaFirst() {
    assertEquals(new Assign("sam", Why.OWN_PA), choose("sam", onCall(false, "ali", "sam"), team()));
    assertEquals(new Assign("sam", Why.OWN_PA), choose("sam", onCall(true), team()));
  }

  @Test
  @DisplayName("The own PA is skipped when off shift, away or full")
  void ownPaSkipped() {
    assertEquals(new Assign("ali", Why.ON_CALL), choose("sam", onCall(false, "ali"), team()), "off shift");
    assertEquals(new Assign("ali", Why.ON_CALL), choose("sam", onCall(false, "sam", "ali"), new Team(Map.of(), Set.of("sam"), Map.of())), "away");
    assertEquals(new Assign("ali", Why.ON_CALL), choose("sam", onCall(false, "sam", "ali"), new Team(Map.of("sam", 2), Set.of(), Map.of())), "full");
  }

  @Test
  @DisplayName("Among on-call advisers the fewest active wins; a tie goes to whoever was given work longest ago (never counts as longest)")
  void fewestActiveThenLongestIdle() {
    assertEquals("priya", ((Assign) choose(null, onCall(false, "ali", "priya"), new Team(Map.of("ali", 1), Set.of(), Map.of()))).adviser());
    Team tie = new Team(Map.of("ali", 1, "priya", 1), Set.of(), Map.of("ali", T.minusSeconds(60), "priya", T.minusSeconds(600)));
    assertEquals("priya", ((Assign) choose(null, onCall(false, "ali", "priya"), tie)).adviser());
    Team never = new Team(Map.of(), Set.of(), Map.of("ali", T.minusSeconds(600)));
    assertEquals("priya", ((Assign) choose(null, onCall(false, "ali", "priya"), never)).adviser());
  }

  @Test
  @DisplayName("Nobody on shift and everyone busy are told apart, and an excluded adviser never gets it back")
  void waits() {
    assertEquals(new Wait(WaitReason.NOBODY_ON_SHIFT), choose("sam", onCall(false), team()));
    assertEquals(new Wait(WaitReason.EVERYONE_BUSY), choose(null, onCall(false, "ali"), new Team(Map.of("ali", 2), Set.of(), Map.of())));
    assertEquals(new Wait(WaitReason.EVERYONE_BUSY), choose(null, onCall(true), team()), "office hours with no PA to give it to");
    assertEquals(new Wait(WaitReason.NOBODY_ON_SHIFT), Assignment.choose("ali", onCall(false, "ali"), team(), Set.of("ali")), "the adviser going off shift");
  }
}
