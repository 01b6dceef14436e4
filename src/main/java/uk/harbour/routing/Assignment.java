package uk.harbour.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import uk.harbour.rota.OnCall;

/**
 * Who should get a waiting conversation, as a pure function of the rota, availability and load:
 * (a) the care leaver's own PA, if on shift (or it is office hours), able to take work and under
 * capacity; (b) otherwise the on-call adviser with the fewest active conversations, ties going to
 * whoever has waited longest since their last assignment; (c) otherwise nobody: it waits.
 */
public final class Assignment {

  /** What the routing code knows about each adviser at the moment of the decision. */
  public interface Advisers {
    boolean canTakeWork(String adviser);

    int active(String adviser);

    int capacity(String adviser);

    /** When they were last given a conversation; empty if never (they come first in a tie). */
    Optional<Instant> lastAssigned(String adviser);
  }

  public sealed interface Decision {}

  public enum Why { OWN_PA, ON_CALL }

  public record Assign(String adviser, Why why) implements Decision {}

  public enum WaitReason {
    /** Outside office hours and nobody is on call. */
    NOBODY_ON_SHIFT,
    /** Someone is on shift but away, busy, offline or full. */
    EVERYONE_BUSY
  }

  public record Wait(WaitReason reason) implements Decision {}

  private Assignment() {}

  /** {@code exclude}: advisers who must not get it (the one going off shift). */
  public static Decision choose(String ownPa, OnCall onCall, Advisers advisers, Set<String> exclude) {
    if (ownPa != null
        && !exclude.contains(ownPa)
        && (onCall.officeHours() || onCall.onCall().contains(ownPa))
        && free(ownPa, advisers)) {
      return new Assign(ownPa, Why.OWN_PA);
    }
    Optional<String> best =
        onCall.onCall().stream()
            .filter(a -> !exclude.contains(a) && free(a, advisers))
            .min(
                Comparator.comparingInt(advisers::active)
                    .thenComparing(a -> advisers.lastAssigned(a).orElse(Instant.MIN)));
    if (best.isPresent()) {
      return new Assign(best.get(), Why.ON_CALL);
    }
    boolean anyoneOnShift = onCall.officeHours() || onCall.onCall().stream().anyMatch(a -> !exclude.contains(a));
    return new Wait(anyoneOnShift ? WaitReason.EVERYONE_BUSY : WaitReason.NOBODY_ON_SHIFT);
  }

  private static boolean free(String adviser, Advisers advisers) {
    return advisers.canTakeWork(adviser) && advisers.active(adviser) < advisers.capacity(adviser);
  }
}
