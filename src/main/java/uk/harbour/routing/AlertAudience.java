package uk.harbour.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.StaffPresence;
import uk.harbour.rota.OnCall;

/**
 * Who an alert reaches in fact. An alert frame is seen only by someone with Harbour open, and the
 * ladder names people by the rota alone: when nobody it names has Harbour open, it also goes to
 * everyone on shift who has (other on-call advisers, a rung not reached yet); when nobody on shift
 * has, the alert is unseen.
 */
final class AlertAudience {

  /** The people told, and whether any of them has Harbour open. */
  record Audience(Set<String> to, boolean seen) {}

  private final StaffPresence presence;
  private final StaffDirectory staff;

  AlertAudience(StaffPresence presence, StaffDirectory staff) {
    this.presence = Objects.requireNonNull(presence);
    this.staff = Objects.requireNonNull(staff);
  }

  /**
   * Whom the ladder's names stand for: nobody whose account is disabled (the rota's lists are
   * filtered already, by RotaNow, but an own PA in office hours comes from the young person's
   * record). In office hours somebody is at work, so when that leaves nobody (the PA's account
   * disabled or no PA, and no office-hours duty manager on the rota) it is the young person's team's managers.
   */
  Set<String> atWork(Conversation conv, Set<String> named, OnCall onCall) {
    Set<String> to = new LinkedHashSet<>(named);
    to.removeIf(username -> !staff.mayWork(username));
    if (to.isEmpty() && onCall.officeHours()) {
      to.addAll(staff.managersFor(conv.team()));
    }
    return to;
  }

  Audience of(Conversation conv, Set<String> named, OnCall onCall) {
    if (named.stream().anyMatch(this::open)) {
      return new Audience(named, true);
    }
    Set<String> to = new LinkedHashSet<>(named);
    onShift(conv, onCall).filter(this::open).forEach(to::add);
    return new Audience(to, to.size() > named.size());
  }

  /** Everyone on shift with Harbour open who is not among {@code told}: whom an alert nobody confirmed goes on to. */
  Set<String> othersOpen(Conversation conv, OnCall onCall, Set<String> told) {
    Set<String> others = new LinkedHashSet<>();
    onShift(conv, onCall).filter(username -> !told.contains(username) && open(username)).forEach(others::add);
    return others;
  }

  /** Everyone at work now: on call, backup, duty managers, and in office hours the own PA. */
  private Stream<String> onShift(Conversation conv, OnCall onCall) {
    Stream<String> pa = onCall.officeHours() && conv.paUsername() != null && staff.mayWork(conv.paUsername()) ? Stream.of(conv.paUsername()) : Stream.empty();
    return Stream.concat(pa, Stream.of(onCall.onCall(), onCall.backup(), onCall.dutyManagers()).flatMap(List::stream)).distinct();
  }

  boolean open(String username) {
    return presence.of(username).map(s -> s.connections() > 0).orElse(false);
  }
}
