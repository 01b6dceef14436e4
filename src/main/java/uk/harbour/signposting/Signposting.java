package uk.harbour.signposting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.signposting.CatalogueEntry.Meta;
import uk.harbour.web.HarbourException;

/**
 * The signposting catalogue, held in memory (loaded at start, refreshed on every edit; the store is
 * the truth), rendered into cards for a reader at an instant. Reads never touch the store, so the
 * out-of-hours auto-reply can call {@link #openNowCards} on every message.
 */
public final class Signposting {

  private static final Logger LOG = LoggerFactory.getLogger(Signposting.class);
  static final Comparator<CatalogueEntry> ORDER =
      Comparator.comparing((CatalogueEntry e) -> e.category().ordinal()).thenComparing(e -> e.name().toLowerCase(Locale.UK));

  private final CatalogueRepository repository;
  private final CareLeaverRepository careLeavers;
  private final CardRenderer renderer;
  private final BankHolidays holidays;
  private final CardView.Council council;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, CatalogueEntry> entries = new ConcurrentHashMap<>();
  private final java.util.List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Signposting(
      CatalogueRepository repository,
      CareLeaverRepository careLeavers,
      CardRenderer renderer,
      BankHolidays holidays,
      CardView.Council council,
      AuditLog audit,
      Clock clock) {
    this.repository = Objects.requireNonNull(repository);
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.renderer = Objects.requireNonNull(renderer);
    this.holidays = Objects.requireNonNull(holidays);
    this.council = Objects.requireNonNull(council);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Loads the whole catalogue into memory (again, when another node changed it). */
  public Future<Void> start() {
    return repository
        .all()
        .map(
            all -> {
              // Replaced in place, never emptied first: readers on other threads always see a whole catalogue.
              all.forEach(e -> entries.put(e.id(), e));
              entries.keySet().retainAll(all.stream().map(CatalogueEntry::id).collect(java.util.stream.Collectors.toSet()));
              LOG.info("Signposting catalogue ready with {} entries", all.size());
              return null;
            });
  }

  /**
   * Adds seed entries that are missing and updates seeded ones whose seed changed; never touches an
   * entry a manager edited. Running it again with the same seed changes nothing.
   */
  public Future<Integer> seed(List<CatalogueEntry> seedEntries) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (CatalogueEntry seeded : seedEntries) {
      chain = chain.compose(changed -> seedOne(seeded).map(did -> changed + (did ? 1 : 0)));
    }
    return chain.onSuccess(n -> LOG.info("Signposting seed: {} of {} entries added or updated", n, seedEntries.size()));
  }

  private Future<Boolean> seedOne(CatalogueEntry seeded) {
    CatalogueEntry existing = entries.get(seeded.id());
    Instant now = clock.instant();
    if (existing == null) {
      CatalogueEntry fresh = seeded.withMeta(new Meta(1, false, now, "seed"));
      return repository.insert(fresh).compose(e -> changed(Actor.system(), e, "seeded")).map(true);
    }
    if (existing.meta().edited() || sameContent(existing, seeded)) {
      return Future.succeededFuture(false);
    }
    CatalogueEntry next = seeded.withMeta(new Meta(existing.version() + 1, false, now, "seed"));
    return repository.replace(next, existing.version()).compose(e -> changed(Actor.system(), e, "seed updated")).map(true);
  }

  static boolean sameContent(CatalogueEntry a, CatalogueEntry b) {
    return CatalogueJson.toJson(a, false).equals(CatalogueJson.toJson(b, false));
  }

  /** A manager's change, only on top of the version they saw; marks the entry edited and audits it. */
  public Future<CatalogueEntry> update(Actor actor, String id, CatalogueJson.Edit edit) {
    if (!edit.entry().id().equals(id)) {
      return Future.failedFuture(HarbourException.badRequest("id_mismatch", "The entry id cannot be changed."));
    }
    CatalogueEntry existing = entries.get(id);
    if (existing == null) {
      return Future.failedFuture(HarbourException.notFound("No such catalogue entry."));
    }
    if (existing.version() != edit.baseVersion()) {
      return Future.failedFuture(HarbourException.conflict("version_conflict", "Someone else changed this entry. Reload it and make your change again."));
    }
    if (sameContent(existing, edit.entry())) {
      // Saving an unchanged form is not a change: no new version, no audit entry.
      return Future.succeededFuture(existing);
    }
    CatalogueEntry next = edit.entry().withMeta(new Meta(existing.version() + 1, true, clock.instant(), actor.id()));
    return repository.replace(next, existing.version()).compose(e -> changed(actor, e, "edited")).map(next);
  }

  /** A new entry a manager adds (for example a council's own service). */
  public Future<CatalogueEntry> create(Actor actor, CatalogueEntry entry) {
    CatalogueEntry fresh = entry.withMeta(new Meta(1, true, clock.instant(), actor.id()));
    return repository.insert(fresh).compose(e -> changed(actor, e, "created")).map(fresh);
  }

  /** Told the id of every entry changed here (other nodes reload: {@link CatalogueSync}). */
  public void onChange(java.util.function.Consumer<String> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  private Future<CatalogueEntry> changed(Actor actor, CatalogueEntry entry, String what) {
    entries.put(entry.id(), entry);
    listeners.forEach(listener -> listener.accept(entry.id()));
    return audit
        .append(actor, AuditAction.CATALOGUE_CHANGED, entry.id(), new JsonObject().put("change", what).put("version", entry.version()))
        .map(entry);
  }

  public Optional<CatalogueEntry> entry(String id) {
    return Optional.ofNullable(id == null ? null : entries.get(id));
  }

  /** Every entry, crisis first, then by category and name. */
  public List<CatalogueEntry> all() {
    List<CatalogueEntry> all = new ArrayList<>(entries.values());
    all.sort(ORDER);
    return all;
  }

  /** Rendered cards for the entries open at {@code at} that suit the reader's age: crisis first. */
  public Future<List<JsonObject>> openNowCards(Instant at, CardAudience audience, int limit) {
    return Future.succeededFuture(
        all().stream()
            .filter(e -> e.hours().isOpen(at, holidays) && e.eligibility().allows(audience.age()))
            .limit(Math.max(0, limit))
            .map(e -> renderer.render(model(e, at, audience)))
            .toList());
  }

  /**
   * Crisis help open at {@code at} for this reader, crisis entries first: every crisis entry (999,
   * Samaritans, Shout, the council's out-of-hours team…) and the named entries (say NHS 111's
   * mental health option), each only if it is open now and suits the reader's age.
   */
  public Future<List<JsonObject>> crisisCards(Instant at, CardAudience audience, List<String> alsoEntryIds) {
    return Future.succeededFuture(
        all().stream()
            .filter(e -> e.category() == Category.CRISIS || alsoEntryIds.contains(e.id()))
            .filter(e -> e.hours().isOpen(at, holidays) && e.eligibility().allows(audience.age()))
            .map(e -> renderer.render(model(e, at, audience)))
            .toList());
  }

  /** One entry's card, rendered now for this reader. */
  public Future<JsonObject> card(String entryId, CardAudience audience) {
    return entry(entryId)
        .map(e -> Future.succeededFuture(renderer.render(model(e, clock.instant(), audience))))
        .orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such catalogue entry.")));
  }

  /** The template model for pages that include the card partial themselves. */
  public JsonObject model(CatalogueEntry e, Instant at, CardAudience audience) {
    return CardView.model(e, at, audience, council, holidays);
  }

  /** Entries matching the words, best first; an empty query matches nothing. */
  public List<CatalogueEntry> search(String query, Integer age) {
    List<String> terms = Keywords.terms(query).stream().limit(10).toList();
    if (terms.isEmpty()) {
      return List.of();
    }
    Set<Category> meant = Keywords.categoriesIn(List.of(query)).keySet();
    record Scored(CatalogueEntry entry, int score) {}
    return all().stream()
        .filter(e -> e.eligibility().allows(age))
        .map(e -> new Scored(e, score(e, terms, meant)))
        .filter(s -> s.score() > 0)
        .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(Scored::entry, ORDER))
        .map(Scored::entry)
        .toList();
  }

  private static int score(CatalogueEntry e, List<String> terms, Set<Category> meant) {
    List<String> name = Keywords.terms(e.name());
    List<String> body = Keywords.terms(e.summary() + " " + e.eligibility().text() + " " + e.category().label() + " " + e.category().wireName());
    int score = meant.contains(e.category()) ? 2 : 0;
    for (String t : terms) {
      score += (matches(name, t) ? 3 : 0) + (matches(body, t) ? 1 : 0);
    }
    return score;
  }

  /** A word matches itself; three letters or more also match the start of a longer word ("uni" finds "university"). */
  private static boolean matches(List<String> words, String term) {
    return words.stream().anyMatch(w -> w.equals(term) || (term.length() >= 3 && w.startsWith(term)));
  }

  /** Entries for what the care leaver has been talking about, with the words that suggested them. */
  public List<Suggestion> suggest(List<String> recentTexts, Integer age, int limit) {
    Map<Category, Set<String>> found = Keywords.categoriesIn(recentTexts);
    return all().stream()
        .filter(e -> found.containsKey(e.category()) && e.eligibility().allows(age))
        .sorted(Comparator.comparingInt((CatalogueEntry e) -> -found.get(e.category()).size()).thenComparing(ORDER))
        .limit(limit)
        .map(e -> new Suggestion(e, List.copyOf(found.get(e.category()))))
        .toList();
  }

  /** A suggested entry and the words that led to it. */
  public record Suggestion(CatalogueEntry entry, List<String> because) {}

  /** A care leaver's first name and age, for personal cards. */
  public Future<CardAudience> audienceFor(String careLeaverId) {
    LocalDate today = LocalDate.now(clock);
    return careLeavers
        .find(careLeaverId)
        .map(
            found ->
                found
                    .map(c -> new CardAudience(c.firstName(), c.dateOfBirth() == null ? null : Period.between(c.dateOfBirth(), today).getYears()))
                    .orElse(CardAudience.anyone()));
  }

  public BankHolidays holidays() {
    return holidays;
  }

  public Clock clock() {
    return clock;
  }
}
