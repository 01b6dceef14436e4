package uk.harbour.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
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
  private final Predicate<String> mayWork;

  /** {@code mayWork}: false for someone whose account is disabled, who is at work for nobody. */
  AlertAudience(StaffPresence presence, Predicate<String> mayWork) {
    this.presence = Objects.requireNonNull(presence);
    this.mayWork = Objects.requireNonNull(mayWork);
  }

  Audience of(Conversation conv, Set<String> named, OnCall onCall) {
    if (named.stream().anyMatch(this::open)) {
      return new Audience(named, true);
    }
    Set<String> to = new LinkedHashSet<>(named);
    onShift(conv, onCall).filter(this::open).forEach(to::add);
    return new Audience(to, to.size() > named.size());
  }

  /** Everyone at work now: on call, backup, duty managers, and in office hours the own PA. */
  private Stream<String> onShift(Conversation conv, OnCall onCall) {
    Stream<String> pa = onCall.officeHours() && conv.paUsername() != null && mayWork.test(conv.paUsername()) ? Stream.of(conv.paUsername()) : Stream.empty();
    return Stream.concat(pa, Stream.of(onCall.onCall(), onCall.backup(), onCall.dutyManagers()).flatMap(List::stream)).distinct();
  }

  private boolean open(String username) {
    return presence.of(username).map(s -> s.connections() > 0).orElse(false);
  }
}
