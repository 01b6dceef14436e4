package uk.harbour.reports;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roll-ups: one document per team and local day ({@code _id} {@code <team>|<YYYY-MM-DD>}) holding
 * the packed record of every episode that started that day, by {@link Episode#key}. A dashboard for
 * a quarter reads about a hundred of them by {@code _id}; nothing here scans.
 */
public interface ReportDayRepository {

  /** One day's records to set (added to or replacing those with the same key; others stay). */
  record DayRows(String team, LocalDate day, Map<String, String> rows) {
    public DayRows {
      Objects.requireNonNull(team);
      Objects.requireNonNull(day);
      rows = Map.copyOf(rows);
    }

    public String id() {
      return id(team, day);
    }

    public static String id(String team, LocalDate day) {
      return team + "|" + day;
    }
  }

  Future<Void> save(List<DayRows> days);

  /** The days that exist among these ids, in no particular order. */
  Future<List<DayRows>> find(List<String> ids);
}
