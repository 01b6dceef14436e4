package uk.harbour.reports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.rota.RotaEngine;
import uk.harbour.web.HarbourException;

/**
 * The reports a person may see, read from the roll-ups: managers their team's, admins every
 * team's, and every member of staff their own week. Exports are audited. Unpacking days and adding
 * them up runs on worker threads: a year is 100,000 episodes, and start-up warms 13 months at once,
 * which would hold an event loop for seconds.
 */
public final class Reports {

  private final Vertx vertx;
  private final ReportDayRepository days;
  private final AuditLog audit;
  private final SummaryBuilder builder;
  private final ReportSettings settings;
  private final Clock clock;
  /** About a year of a busy team (100,000 episodes) and a little more. */
  private final DayCache cache = new DayCache(150_000);

  public Reports(Vertx vertx, ReportDayRepository days, AuditLog audit, Supplier<RotaEngine> rota, ReportSettings settings, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx);
    this.days = Objects.requireNonNull(days);
    this.audit = Objects.requireNonNull(audit);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
    this.builder = new SummaryBuilder(settings, new ShiftLabels(rota));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  public ReportSettings settings() {
    return settings;
  }

  /** The headline figures and every breakdown, each also for the previous period of the same length. */
  public Future<JsonObject> summary(SignedIn who, ReportQuery query) {
    ReportQuery allowed = allowed(who, query);
    ReportQuery previous = allowed.previous();
    long now = clock.instant().getEpochSecond();
    return read(allowed.team(), previous.from(), allowed.to())
        .compose(days -> offLoop(() -> builder.buildFromDays(allowed, days, now)));
  }

  /** One row per episode for the CSV, oldest first; audited as an export. */
  public Future<List<Episode>> exportEpisodes(SignedIn who, String address, ReportQuery query) {
    ReportQuery allowed = allowed(who, query);
    return read(allowed.team(), allowed.from(), allowed.to())
        .compose(days -> offLoop(() -> days.stream().flatMap(day -> day.episodes().stream())
            .filter(e -> inPeriod(e, allowed) && allowed.matches(e))
            .sorted(Comparator.comparingLong((Episode e) -> e.start).thenComparing(e -> e.conversationId).thenComparingInt(e -> e.number))
            .toList()))
        .compose(rows -> audited(who, address, "episodes", allowed, rows.size()).map(rows));
  }

  /** The summary for the CSV of figures; audited as an export. */
  public Future<JsonObject> exportSummary(SignedIn who, String address, ReportQuery query) {
    return summary(who, query).compose(summary -> audited(who, address, "summary", allowed(who, query), summary.getInteger("episodes")).map(summary));
  }

  /** A member of staff's own last seven days (today included): only the episodes they took part in. */
  public Future<JsonObject> myWeek(SignedIn who) {
    if (!who.role().isStaff()) {
      return Future.failedFuture(HarbourException.forbidden("Only staff have a week of figures."));
    }
    LocalDate today = today();
    ReportQuery mine = new ReportQuery(today.minusDays(6), today, Optional.empty(), Optional.of(who.id()), Optional.empty(), Optional.empty());
    long now = clock.instant().getEpochSecond();
    return allTeams().compose(teams -> read(teams, mine.previous().from(), mine.to()))
        .compose(days -> offLoop(() -> builder.buildFromDays(mine, days, now)));
  }

  /** Narrows a query to what this reader may see; refuses a team that is not theirs. */
  public ReportQuery allowed(SignedIn who, ReportQuery query) {
    if (who.role() == Role.ADMIN) {
      return query;
    }
    if (who.role() != Role.MANAGER) {
      throw HarbourException.forbidden("Reports are for managers and admins.");
    }
    if (who.team() == null) {
      return query;
    }
    if (query.team().isPresent() && !query.team().get().equals(who.team())) {
      throw HarbourException.forbidden("You can see your own team's reports only.");
    }
    return query.forTeam(Optional.of(who.team()));
  }

  /** The teams a reader may pick from: their own, or every team with report records. */
  public Future<List<String>> teams(SignedIn who) {
    if (who.role() == Role.MANAGER && who.team() != null) {
      return Future.succeededFuture(List.of(who.team()));
    }
    return allTeams().map(ArrayList::new);
  }

  private Future<List<DayBlock>> read(Optional<String> team, LocalDate from, LocalDate to) {
    return (team.isPresent() ? Future.succeededFuture(Set.of(team.get())) : allTeams()).compose(teams -> read(teams, from, to));
  }

  private Future<List<DayBlock>> read(Set<String> teams, LocalDate from, LocalDate to) {
    List<String> ids = new ArrayList<>();
    for (String team : teams) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        ids.add(ReportDayRepository.DayRows.id(team, d));
      }
    }
    List<DayBlock> all = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      cache.get(id).ifPresentOrElse(all::add, () -> missing.add(id));
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(all);
    }
    long readAt = cache.generation();
    return days.find(missing).compose(found -> offLoop(() -> {
      Map<String, List<Episode>> byDay = new HashMap<>();
      missing.forEach(id -> byDay.put(id, new ArrayList<>()));
      for (ReportDayRepository.DayRows day : found) {
        List<Episode> episodes = byDay.get(day.id());
        day.rows().forEach((key, line) -> {
          Episode e = Episode.unpack(Episode.conversationIdOf(key), line);
          e.team = day.team();
          episodes.add(e);
        });
      }
      // Days with nothing in them are kept too: a year's report asks for the year before as well.
      byDay.forEach((id, episodes) -> {
        DayBlock day = DayBlock.of(LocalDate.parse(id.substring(id.lastIndexOf('|') + 1)), episodes, settings);
        cache.put(id, day, readAt);
        all.add(day);
      });
      return all;
    }));
  }

  /** Unordered: several managers' reports may be worked out at once. */
  private <T> Future<T> offLoop(java.util.concurrent.Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  /**
   * Reads the last 13 months of every team into the day cache, in the background once the writer
   * has caught up, so the first year's report after a start does not wait for the store.
   */
  public Future<Void> warm() {
    LocalDate today = today();
    return allTeams().compose(teams -> read(teams, today.minusDays(400), today)).mapEmpty();
  }

  /** The report writer wrote these days: read them again next time. */
  public void written(Set<String> dayIds) {
    cache.forget(dayIds);
  }

  /**
   * Every team with report records, as the writer recorded them beside the roll-ups: not the teams
   * of the conversations held in memory, which after a start leave out a team whose history rests.
   */
  private Future<Set<String>> allTeams() {
    return days.teams().map(stored -> stored.<Set<String>>map(TreeSet::new).orElseGet(TreeSet::new));
  }

  private boolean inPeriod(Episode e, ReportQuery query) {
    LocalDate day = e.startedAt().atZone(settings.zone()).toLocalDate();
    return !day.isBefore(query.from()) && !day.isAfter(query.to());
  }

  private Future<Void> audited(SignedIn who, String address, String export, ReportQuery query, int rows) {
    JsonObject detail = new JsonObject()
        .put("export", export)
        .put("from", query.from().toString())
        .put("to", query.to().toString())
        .put("team", query.team().orElse(null))
        .put("adviser", query.adviser().orElse(null))
        .put("shiftType", query.shiftType().map(ShiftType::code).orElse(null))
        .put("priority", query.priority().orElse(null))
        .put("rows", rows);
    return audit.append(new AuditLog.Actor(who.id(), who.role().name(), address), AuditAction.REPORT_EXPORTED, "reports", detail).mapEmpty();
  }
}
