package uk.harbour.reports;

import java.time.Instant;
import java.util.Objects;

/**
 * The cover in force at an instant, as a report files it: which shift ({@code shiftId}: a rota
 * template id, {@code cover} for an ad-hoc cover, {@code office_hours}, or {@code none}), its
 * coarse type ({@link ShiftType}), whether it was office hours, and when that shift ends (null when
 * nobody was on: then only the 60-minute rule makes a wait missed).
 */
public record Cover(String shiftId, ShiftType type, boolean officeHours, Instant end) {

  public static final String OFFICE_HOURS = "office_hours";
  public static final String AD_HOC = "cover";
  public static final String NONE = "none";

  public Cover {
    Objects.requireNonNull(shiftId);
    Objects.requireNonNull(type);
  }
}
