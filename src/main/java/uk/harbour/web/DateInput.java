package uk.harbour.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates and local date-times sent by people and clients (YYYY-MM-DD, YYYY-MM-DDTHH:MM). Java reads
 * years up to ±999,999,999, where adding a week or turning a date into an instant overflows; Harbour
 * takes only the years 1900 to 2999, which every rota, audit search and birthday fits in.
 */
public final class DateInput {

  public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2999, 12, 31);

  private DateInput() {}

  /** The date, or empty when the text is not a date or lies outside {@link #FIRST}..{@link #LAST}. */
  public static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text)).filter(DateInput::inRange);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The local date and time, or empty when it is not one or its date is out of range. */
  public static Optional<LocalDateTime> dateTime(String text) {
    try {
      return Optional.of(LocalDateTime.parse(text)).filter(t -> inRange(t.toLocalDate()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean inRange(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }
}
