package uk.harbour.reports;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * A coarse kind of shift, from the local time an episode started: office hours (the rota's), then
 * outside them a bank holiday, a weekend day, a weekday evening (noon to midnight) or a weekday
 * night (midnight to noon). Councils' shift patterns differ; these do not depend on them.
 */
public enum ShiftType {
  OFFICE_HOURS("office_hours", "Office hours"),
  EVENING("evening", "Weekday evening"),
  NIGHT("night", "Weekday night"),
  WEEKEND("weekend", "Weekend"),
  BANK_HOLIDAY("bank_holiday", "Bank holiday");

  private final String code;
  private final String words;

  ShiftType(String code, String words) {
    this.code = code;
    this.words = words;
  }

  public String code() {
    return code;
  }

  public String words() {
    return words;
  }

  public static Optional<ShiftType> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  static ShiftType at(LocalDateTime local, boolean officeHours, boolean bankHoliday) {
    if (officeHours) {
      return OFFICE_HOURS;
    }
    if (bankHoliday) {
      return BANK_HOLIDAY;
    }
    DayOfWeek day = local.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return WEEKEND;
    }
    return local.getHour() >= 12 ? EVENING : NIGHT;
  }
}
