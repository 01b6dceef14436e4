package uk.harbour.reports;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  /** Also records each day's team among {@link #teams()}. */
  Future<Void> save(List<DayRows> days);

  /**
   * Every team with a roll-up, by one {@code _id} look-up: the teams an "every team" report reads,
   * whether or not any of their conversations is in memory. Empty if never recorded (a store from
   * before teams were, or whose roll-ups were dropped).
   */
  Future<Optional<Set<String>>> teams();

  /** Records these teams among {@link #teams()} (creating the record, even for none). */
  Future<Void> addTeams(Set<String> teams);

  /** The days that exist among these ids, in no particular order. */
  Future<List<DayRows>> find(List<String> ids);
}
