package uk.harbour.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.harbour.chat.Conversation;
import uk.harbour.rota.OnCall;

/**
 * Whom alert <i>n</i> of a wait names, by the rota alone (routing.ladder, default
 * {@code backup,duty_manager}): a pure function, so the ladder's rules are tested without a clock.
 * Who sees it in fact is {@link AlertAudience}'s question.
 */
final class AlertLadder {

  private AlertLadder() {}

  /** Who the next alert reaches: the level it climbs to, the rungs with somebody on them, and the people. */
  record Reach(int level, List<String> rungs, Set<String> to) {}

  /**
   * Alert <i>n</i> reaches rung <i>n</i> of the ladder and every rung below it, plus whoever has the
   * conversation (when nobody has it: everyone on call and, in office hours, the own PA). A rung with
   * nobody on shift is skipped at once, so an emptied shift still climbs to the duty manager.
   */
  static Reach reach(Conversation conv, OnCall onCall, List<String> ladder) {
    return reach(conv, conv.escalationLevel(), onCall, ladder);
  }

  /** As {@link #reach(Conversation, OnCall, List)}, climbing from {@code fromLevel} instead of the stored level. */
  static Reach reach(Conversation conv, int fromLevel, OnCall onCall, List<String> ladder) {
    Set<String> to = new LinkedHashSet<>();
    if (conv.assignedTo() != null) {
      to.add(conv.assignedTo());
    } else {
      to.addAll(onCall.onCall());
      if (onCall.officeHours() && conv.paUsername() != null) {
        to.add(conv.paUsername());
      }
    }
    int level = fromLevel + 1;
    while (level < ladder.size() && on(ladder.get(level - 1), onCall).isEmpty()) {
      level++;
    }
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < Math.min(level, ladder.size()); i++) {
      List<String> people = on(ladder.get(i), onCall);
      to.addAll(people);
      if (!people.isEmpty()) {
        reached.add(ladder.get(i));
      }
    }
    return new Reach(level, reached, to);
  }

  /** Everyone at once: the holder, everyone on call, every rung; the level is the top of the ladder. */
  static Reach reachAll(Conversation conv, OnCall onCall, List<String> ladder) {
    Reach top = reach(conv, onCall, ladder);
    Set<String> to = new LinkedHashSet<>(top.to());
    to.addAll(onCall.onCall());
    for (String rung : ladder) {
      to.addAll(on(rung, onCall));
    }
    List<String> rungs = ladder.stream().filter(r -> !on(r, onCall).isEmpty()).toList();
    return new Reach(Math.max(conv.escalationLevel() + 1, ladder.size()), rungs, to);
  }

  private static List<String> on(String rung, OnCall onCall) {
    return "backup".equals(rung) ? onCall.backup() : onCall.dutyManagers();
  }
}
