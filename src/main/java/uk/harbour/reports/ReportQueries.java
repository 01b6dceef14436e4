package uk.harbour.reports;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.harbour.web.DateInput;
import uk.harbour.web.HarbourException;

/**
 * Reads a report's filters from a query string (the page's form and the API share them): a preset
 * ({@code 7d}, {@code 4w}, {@code quarter}: the last 7, 28 or 91 days up to today) or {@code from}
 * and {@code to} dates, and optionally {@code team}, {@code adviser}, {@code shiftType} and
 * {@code priority}. Empty values count as absent, as a form sends them. Default: the last 7 days.
 */
public final class ReportQueries {

  public static final List<String> PRESETS = List.of("7d", "4w", "quarter");
  private static final Pattern ADVISER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern TEAM = Pattern.compile("[^\\p{Cntrl}$|]{1,64}");

  private ReportQueries() {}

  public static ReportQuery parse(MultiMap params, LocalDate today) {
    Optional<String> preset = value(params, "preset");
    Optional<String> fromText = value(params, "from");
    Optional<String> toText = value(params, "to");
    LocalDate from;
    LocalDate to;
    if (preset.isPresent()) {
      if (fromText.isPresent() || toText.isPresent()) {
        throw HarbourException.badRequest("bad_filter", "Choose a preset or dates, not both.");
      }
      to = today;
      from = switch (preset.get()) {
        case "7d" -> today.minusDays(6);
        case "4w" -> today.minusDays(27);
        case "quarter" -> today.minusDays(90);
        default -> throw HarbourException.badRequest("bad_value", "'preset' must be 7d, 4w or quarter.");
      };
    } else {
      to = toText.map(ReportQueries::date).orElse(today);
      from = fromText.map(ReportQueries::date).orElse(to.minusDays(6));
    }
    if (to.isBefore(from)) {
      throw HarbourException.badRequest("end_before_start", "'to' must not be before 'from'.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= ReportQuery.MAX_DAYS) {
      throw HarbourException.badRequest("range_too_long", "A report covers at most " + ReportQuery.MAX_DAYS + " days.");
    }
    Optional<String> team = value(params, "team");
    team.ifPresent(t -> {
      if (!TEAM.matcher(t).matches()) {
        throw HarbourException.badRequest("bad_filter", "That team is not valid.");
      }
    });
    Optional<String> adviser = value(params, "adviser");
    adviser.ifPresent(a -> {
      if (!ADVISER.matcher(a).matches()) {
        throw HarbourException.badRequest("bad_filter", "That adviser is not a username.");
      }
    });
    Optional<ShiftType> shiftType = value(params, "shiftType").map(code -> ShiftType.ofCode(code)
        .orElseThrow(() -> HarbourException.badRequest("bad_value", "'shiftType' must be office_hours, evening, night, weekend or bank_holiday.")));
    Optional<String> priority = value(params, "priority");
    priority.ifPresent(p -> {
      if (!p.equals("normal") && !p.equals("urgent")) {
        throw HarbourException.badRequest("bad_value", "'priority' must be normal or urgent.");
      }
    });
    return new ReportQuery(from, to, team, adviser, shiftType, priority);
  }

  private static Optional<String> value(MultiMap params, String name) {
    List<String> all = params.getAll(name);
    if (all.size() > 1) {
      throw HarbourException.badRequest("bad_filter", "Give '" + name + "' once.");
    }
    return all.isEmpty() || all.get(0).isBlank() ? Optional.empty() : Optional.of(all.get(0).strip());
  }

  private static LocalDate date(String text) {
    return DateInput.date(text).orElseThrow(() -> HarbourException.badRequest("bad_date", "Dates must look like 2026-11-28, in the years 1900 to 2999."));
  }
}
