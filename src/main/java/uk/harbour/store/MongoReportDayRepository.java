package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.harbour.reports.ReportDayRepository;

/**
 * Report roll-ups in {@code report_days}: {@code _id} {@code <team>|<YYYY-MM-DD>}, {@code team},
 * {@code day}, and {@code rows}, an object of packed episode records by episode key. A save sets
 * only the named rows ({@code $set} of {@code rows.<key>}, upserting the day), so writing one
 * episode never reads or rewrites the others; reads are {@code $in} on {@code _id}. One document
 * with the reserved id {@code #teams} (a day's id always holds a {@code |}) lists in {@code teams}
 * every team with a day, added to ({@code $addToSet}) in the same write as the days.
 */
public final class MongoReportDayRepository implements ReportDayRepository {

  static final String COLLECTION = "report_days";
  private static final String TEAMS = "#teams";
  /** Ids per {@code $in}: a year of days for one team in one query. */
  private static final int IDS_PER_QUERY = 400;

  private final MongoClient mongo;

  public MongoReportDayRepository(MongoClient mongo) {
    this.mongo = Objects.requireNonNull(mongo);
  }

  @Override
  public Future<Void> save(List<DayRows> days) {
    if (days.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> updates = new ArrayList<>(days.size() + 1);
    Set<String> teams = new TreeSet<>();
    for (DayRows day : days) {
      teams.add(day.team());
      JsonObject set = new JsonObject().put("team", day.team()).put("day", day.day().toString());
      day.rows().forEach((key, line) -> set.put("rows." + key, line));
      updates.add(BulkOperation.createUpdate(new JsonObject().put("_id", day.id()), new JsonObject().put("$set", set), true, false));
    }
    updates.add(addTeamsOperation(teams));
    // No durability wait: the records are rebuilt from the messages if a crash loses them.
    return mongo.bulkWriteWithOptions(COLLECTION, updates, new BulkWriteOptions(false)).mapEmpty();
  }

  @Override
  public Future<Optional<Set<String>>> teams() {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", TEAMS), null).map(doc -> Optional.ofNullable(doc).map(d -> {
      Set<String> teams = new TreeSet<>();
      d.getJsonArray("teams", new JsonArray()).forEach(t -> teams.add(String.valueOf(t)));
      return teams;
    }));
  }

  @Override
  public Future<Void> addTeams(Set<String> teams) {
    return mongo.bulkWrite(COLLECTION, List.of(addTeamsOperation(teams))).mapEmpty();
  }

  private static BulkOperation addTeamsOperation(Set<String> teams) {
    JsonObject add = new JsonObject().put("$addToSet", new JsonObject().put("teams", new JsonObject().put("$each", new JsonArray(new ArrayList<>(teams)))));
    return BulkOperation.createUpdate(new JsonObject().put("_id", TEAMS), add, true, false);
  }

  @Override
  public Future<List<DayRows>> find(List<String> ids) {
    List<Future<List<JsonObject>>> queries = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      JsonArray chunk = new JsonArray(new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))));
      queries.add(mongo.find(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", chunk))));
    }
    return Future.all(queries).map(all -> {
      List<DayRows> out = new ArrayList<>();
      for (Future<List<JsonObject>> query : queries) {
        for (JsonObject doc : query.result()) {
          Map<String, String> rows = new LinkedHashMap<>();
          doc.getJsonObject("rows", new JsonObject()).forEach(e -> rows.put(e.getKey(), String.valueOf(e.getValue())));
          out.add(new DayRows(doc.getString("team", ""), LocalDate.parse(doc.getString("day")), rows));
        }
      }
      return out;
    });
  }
}
