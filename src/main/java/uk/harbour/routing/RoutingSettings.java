package uk.harbour.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long a care leaver may wait before the ladder starts (shorter when urgent), how often an
 * unacknowledged alert repeats, who is alerted in turn, how long a dropped adviser keeps getting
 * work, how often the routing sweep runs, how many open-now cards the auto-reply carries, and how
 * long the sweep waits on any one conversation before going on without it, how long "I've got
 * this" from someone who does not hold the conversation (a manager's, while nobody has it) holds the
 * alerts back, and how long an alert waits for a console to confirm receiving it ({@link AlertReceipts}).
 * Routing owns its settings; the application's configuration reads them into this record.
 */
public record RoutingSettings(
    Duration sla,
    Duration urgentSla,
    Duration repeat,
    List<String> ladder,
    Duration disconnectGrace,
    Duration sweep,
    int autoReplyCards,
    Duration stepLimit,
    Duration acknowledgementLimit,
    Duration alertReceipt) {

  public RoutingSettings {
    Objects.requireNonNull(sla);
    Objects.requireNonNull(urgentSla);
    Objects.requireNonNull(repeat);
    ladder = List.copyOf(ladder);
    Objects.requireNonNull(disconnectGrace);
    Objects.requireNonNull(sweep);
    Objects.requireNonNull(stepLimit);
    Objects.requireNonNull(acknowledgementLimit);
    Objects.requireNonNull(alertReceipt);
  }
}
