package uk.harbour.signposting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditEvent;
import uk.harbour.audit.AuditLog;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.CareLeaverRepository;

/** The real seed files and templates, and small in-memory stand-ins for unit tests of the service. */
final class CatalogueFixtures {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final CardView.Council COUNCIL = new CardView.Council("Demo Borough Council", "0161 496 0000");

  private CatalogueFixtures() {}

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CatalogueEntry> national() {
    return CatalogueSeed.parse(read("config/signposting/national.yaml"), LONDON, false);
  }

  static List<CatalogueEntry> demo() {
    return CatalogueSeed.parse(read("config/signposting/demo-local.yaml"), LONDON, true);
  }

  static List<CatalogueEntry> everything() {
    List<CatalogueEntry> all = new ArrayList<>(national());
    all.addAll(demo());
    return all;
  }

  static BankHolidays holidays() {
    return uk.harbour.calendar.BankHolidays.fromYaml(read("config/bank-holidays.yaml"));
  }

  static CardRenderer renderer() {
    return CardRenderer.load(Path.of("web", "templates"));
  }

  /** A service over an in-memory catalogue holding every seed entry. */
  static Signposting signposting(Clock clock) {
    Signposting s = new Signposting(new MemoryCatalogue(), new NoCareLeavers(), renderer(), holidays(), COUNCIL, new NoAudit(), clock);
    RunningFutures.await(s.start().compose(v -> s.seed(everything())));
    return s;
  }

  static final class MemoryCatalogue implements CatalogueRepository {
    final Map<String, CatalogueEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Future<List<CatalogueEntry>> all() {
      return Future.succeededFuture(List.copyOf(entries.values()));
    }

    @Override
    public Future<CatalogueEntry> insert(CatalogueEntry entry) {
      return entries.putIfAbsent(entry.id(), entry) == null
          ? Future.succeededFuture(entry)
          : Future.failedFuture(uk.harbour.web.HarbourException.conflict("entry_exists", "exists"));
    }

    @Override
    public Future<CatalogueEntry> replace(CatalogueEntry entry, int expectedVersion) {
      CatalogueEntry current = entries.get(entry.id());
      if (current == null || current.version() != expectedVersion) {
        return Future.failedFuture(uk.harbour.web.HarbourException.conflict("version_conflict", "changed"));
      }
      entries.put(entry.id(), entry);
      return Future.succeededFuture(entry);
    }
  }

  static final class NoCareLeavers implements CareLeaverRepository {
    @Override
    public Future<CareLeaver> insert(CareLeaver careLeaver) {
      return Future.failedFuture("not in unit tests");
    }

    @Override
    public Future<Optional<CareLeaver>> find(String id) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Optional<CareLeaver>> findByLoginName(String loginName) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<CareLeaver> update(CareLeaver careLeaver) {
      return Future.failedFuture("not in unit tests");
    }

    @Override
    public Future<List<CareLeaver>> all() {
      return Future.succeededFuture(List.of());
    }
  }

  static final class NoAudit implements AuditLog {
    final List<JsonObject> appended = new ArrayList<>();

    @Override
    public Future<AuditEvent> append(Actor actor, AuditAction action, String subjectId, JsonObject detail) {
      appended.add(new JsonObject().put("action", action.name()).put("subject", subjectId));
      return Future.succeededFuture(null);
    }

    @Override
    public Future<List<AuditEvent>> find(AuditQuery query) {
      return Future.succeededFuture(List.of());
    }
  }

  /** Completed futures only: these stand-ins never go async. */
  static final class RunningFutures {
    static <T> T await(Future<T> future) {
      if (!future.isComplete()) {
        throw new IllegalStateException("expected a completed future");
      }
      if (future.failed()) {
        throw new IllegalStateException(future.cause());
      }
      return future.result();
    }
  }
}
