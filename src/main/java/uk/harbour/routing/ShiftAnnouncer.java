package uk.harbour.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.harbour.chat.ChatDelivery;

/**
 * Tells every staff console who is on shift when that changes, at a shift's end or after a rota
 * change (cover, sickness), so the console's on-call line and Transfer list never go stale. Run by
 * routing's sweep, which the leading node runs alone, so each change is told once.
 */
final class ShiftAnnouncer {

  private final OnCallView view;
  private final ChatDelivery delivery;
  private List<Object> told;

  ShiftAnnouncer(OnCallView view, ChatDelivery delivery) {
    this.view = Objects.requireNonNull(view);
    this.delivery = Objects.requireNonNull(delivery);
  }

  /** Sends the staff view if the shift differs from the one last told (always on a node's first call). */
  synchronized void check(Instant now) {
    List<Object> shift = view.shiftKey(now);
    if (!shift.equals(told)) {
      told = shift;
      delivery.staffOnCall(view.forStaff());
    }
  }
}
