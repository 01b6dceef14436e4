package uk.harbour.reports;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the figures are measured against: the normal and urgent SLAs (routing's, so a report says
 * "within SLA" exactly when routing would not have alerted), how long a wait may go unanswered
 * before it counts as missed, and the zone that days and hours of the week are counted in.
 */
public record ReportSettings(Duration sla, Duration urgentSla, Duration missedAfter, ZoneId zone) {

  /** "No staff reply within 60 minutes" counts as missed (issue 14). */
  public static final Duration MISSED_AFTER = Duration.ofMinutes(60);

  public ReportSettings {
    Objects.requireNonNull(sla);
    Objects.requireNonNull(urgentSla);
    Objects.requireNonNull(missedAfter);
    Objects.requireNonNull(zone);
  }

  long slaSeconds(boolean urgent) {
    return (urgent ? urgentSla : sla).toSeconds();
  }
}
