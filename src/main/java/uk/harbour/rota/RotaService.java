package uk.harbour.rota;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccount;
import uk.harbour.identity.StaffRepository;
import uk.harbour.rota.RotaRepository.StoredRota;
import uk.harbour.web.HarbourException;

/**
 * Holds the current rota in memory for the routing code (which asks on every message) and changes
 * it for managers: validate, store with the version they read, audit, swap the engine, publish.
 * Other nodes hear {@link RotaAddresses#CHANGED} and reload from the store.
 */
public final class RotaService {

  private static final Logger LOG = LoggerFactory.getLogger(RotaService.class);
  /** Active conversations per adviser when a rota does not say. */
  public static final int DEFAULT_CAPACITY = 3;
  static final String SUBJECT = "rota";

  /** What is in memory: the engine and the stored version it came from (0 = nothing stored). */
  public record Current(RotaEngine engine, long version) {}

  private final Vertx vertx;
  private final RotaRepository repository;
  private final StaffRepository staff;
  private final AuditLog audit;
  private final BankHolidays holidays;
  private final ZoneId zone;
  private final Clock clock;
  private final Optional<Path> demoRota;
  private final AtomicReference<Current> current;
  private final List<Consumer<RotaEngine>> listeners = new CopyOnWriteArrayList<>();
  private MessageConsumer<JsonObject> consumer;

  /** @param demoRota the YAML file to seed when nothing is stored (demo mode), else empty */
  public RotaService(Vertx vertx, RotaRepository repository, StaffRepository staff, AuditLog audit,
      BankHolidays holidays, ZoneId zone, Clock clock, Optional<Path> demoRota) {
    this.vertx = Objects.requireNonNull(vertx);
    this.repository = Objects.requireNonNull(repository);
    this.staff = Objects.requireNonNull(staff);
    this.audit = Objects.requireNonNull(audit);
    this.holidays = Objects.requireNonNull(holidays);
    this.zone = Objects.requireNonNull(zone);
    this.clock = Objects.requireNonNull(clock);
    this.demoRota = Objects.requireNonNull(demoRota);
    this.current = new AtomicReference<>(new Current(new RotaEngine(empty(), holidays, zone), 0));
  }

  /** A rota with no shifts: nobody is ever on call. Valid, and what a new install starts with. */
  public static Rota empty() {
    return new Rota(OfficeHours.none(), List.of(), List.of(), Map.of(), DEFAULT_CAPACITY, DayOfWeek.SUNDAY);
  }

  /** Loads the stored rota (seeding the demo rota first if configured and none is stored), and listens for changes. */
  public Future<Void> start() {
    consumer = vertx.eventBus().consumer(RotaAddresses.CHANGED, message -> {
      long version = message.body().getLong("version", 0L);
      if (version > current.get().version()) {
        reload().onFailure(e -> LOG.error("Could not reload the rota after a change", e));
      }
    });
    return consumer.completion()
        .compose(v -> repository.load())
        .compose(stored -> stored.isPresent() || demoRota.isEmpty()
            ? Future.succeededFuture(stored)
            : seedDemo(demoRota.get()).map(Optional::of))
        .map(stored -> {
          stored.ifPresent(this::swap);
          return null;
        });
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** The engine for the current rota, from memory: cheap, call it on every message. */
  public RotaEngine engine() {
    return current.get().engine();
  }

  public Current current() {
    return current.get();
  }

  public BankHolidays holidays() {
    return holidays;
  }

  public ZoneId zone() {
    return zone;
  }

  public Clock clock() {
    return clock;
  }

  /** Local listeners, told after every swap (on whichever thread made it). */
  public void onChange(Consumer<RotaEngine> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Replaces the whole rota; {@code expectedVersion} is the version the manager read. */
  public Future<StoredRota> replace(SignedIn by, String address, Rota rota, long expectedVersion) {
    return mayChange(by)
        .compose(v -> Future.all(latest(), validator()))
        .compose(both -> {
          StoredRota latest = both.resultAt(0);
          RotaValidator validator = both.resultAt(1);
          validator.validateChange(latest.rota(), rota);
          return change(by, address, rota, expectedVersion, new JsonObject().put("change", "replaced"));
        });
  }

  /** Adds one override to the latest stored rota. */
  public Future<StoredRota> addOverride(SignedIn by, String address, RotaOverride override) {
    return mayChange(by)
        .compose(v -> Future.all(latest(), validator()))
        .compose(both -> {
          StoredRota latest = both.resultAt(0);
          RotaValidator validator = both.resultAt(1);
          validator.validateNewOverride(latest.rota(), override);
          return change(by, address, latest.rota().withOverride(override), latest.version(),
              new JsonObject().put("change", "override_added").put("override", RotaJson.toJson(override)));
        });
  }

  /** Removes one override from the latest stored rota; 404 if it has no such override. */
  public Future<StoredRota> removeOverride(SignedIn by, String address, String overrideId) {
    return mayChange(by)
        .compose(v -> latest())
        .compose(latest -> {
          Optional<RotaOverride> found = latest.rota().overrides().stream().filter(o -> o.id().equals(overrideId)).findFirst();
          if (found.isEmpty()) {
            return Future.failedFuture(HarbourException.notFound("There is no such change to the rota."));
          }
          return change(by, address, latest.rota().withoutOverride(overrideId), latest.version(),
              new JsonObject().put("change", "override_removed").put("override", RotaJson.toJson(found.get())));
        });
  }

  /**
   * Validated against every staff account's id (disabled ones too, so an old rota stays editable);
   * only active accounts may be newly put on the rota.
   */
  public Future<RotaValidator> validator() {
    return staff.all().map(all -> new RotaValidator(
        all.stream().map(StaffAccount::username).collect(Collectors.toSet()), activeIds(all), zone));
  }

  /** The current rota's gaps, a disabled account counting as nobody. */
  public Future<List<CoverageGap>> gaps(LocalDate from, LocalDate toInclusive) {
    RotaEngine engine = engine();
    return staff.all().map(all -> engine.gaps(from, toInclusive, activeIds(all)::contains));
  }

  static Set<String> activeIds(List<StaffAccount> staff) {
    return staff.stream().filter(StaffAccount::active).map(StaffAccount::username).collect(Collectors.toSet());
  }

  private Future<StoredRota> change(SignedIn by, String address, Rota rota, long expectedVersion, JsonObject detail) {
    return repository.save(rota, expectedVersion, clock.instant(), by.id())
        .compose(stored -> audit.append(new AuditLog.Actor(by.id(), by.role().name(), address), AuditAction.ROTA_CHANGED,
                SUBJECT, detail.put("version", stored.version()))
            .map(stored))
        .onSuccess(stored -> {
          swap(stored);
          vertx.eventBus().publish(RotaAddresses.CHANGED, new JsonObject().put("version", stored.version()));
        });
  }

  /** The stored rota, or the empty one as version 0 when nothing was ever stored. */
  private Future<StoredRota> latest() {
    return repository.load().map(stored -> stored.orElseGet(
        () -> new StoredRota(empty(), 0, Instant.EPOCH, "system")));
  }

  private Future<Void> reload() {
    return repository.load().map(stored -> {
      stored.ifPresent(this::swap);
      return null;
    });
  }

  private static Future<Void> mayChange(SignedIn by) {
    return by.role() == Role.MANAGER || by.role() == Role.ADMIN
        ? Future.succeededFuture()
        : Future.failedFuture(HarbourException.forbidden("Only managers and admins can change the rota."));
  }

  /** Keeps the newest version only, so a late reload never rolls back a newer local change. */
  private void swap(StoredRota stored) {
    Current next = new Current(new RotaEngine(stored.rota(), holidays, zone), stored.version());
    Current after = current.accumulateAndGet(next, (old, candidate) -> candidate.version() > old.version() ? candidate : old);
    if (after == next) {
      LOG.info("Rota version {} in use", stored.version());
      listeners.forEach(listener -> listener.accept(next.engine()));
    }
  }

  private Future<StoredRota> seedDemo(Path file) {
    return vertx
        .executeBlocking(() -> RotaYaml.parseRota(Files.readString(file), zone, DEFAULT_CAPACITY).rota(), false)
        .compose(rota -> repository.save(rota, 0, clock.instant(), "system"))
        .compose(stored -> audit.append(AuditLog.Actor.system(), AuditAction.ROTA_CHANGED, SUBJECT,
            new JsonObject().put("change", "demo_seeded").put("version", stored.version())).map(stored))
        .recover(e -> e instanceof HarbourException h && h.status() == 409
            ? repository.load().map(Optional::orElseThrow) // another node seeded it first
            : Future.failedFuture(e))
        .onSuccess(stored -> LOG.info("Seeded the demo rota from {}", file));
  }
}
