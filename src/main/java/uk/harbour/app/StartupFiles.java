package uk.harbour.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.util.List;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.identity.Argon2Hashing;
import uk.harbour.identity.PasswordPolicy;
import uk.harbour.safety.Safety;
import uk.harbour.safety.SafetyGuidance;
import uk.harbour.signposting.CardRenderer;
import uk.harbour.signposting.CatalogueEntry;
import uk.harbour.signposting.CatalogueSeed;

/**
 * Everything read from disk (or costly to make) at start, each off the event loop and all at once:
 * the password list and hasher, bank holidays, card templates, the national signposting seed, and
 * the risk lexicon with its guidance. Paths come from configuration ({@code files.*}, {@code safety.*}).
 */
record StartupFiles(
    PasswordPolicy passwords,
    Argon2Hashing hashing,
    BankHolidays holidays,
    CardRenderer cards,
    List<CatalogueEntry> nationalHelp,
    Safety safety) {

  static Future<StartupFiles> read(Vertx vertx, HarbourConfig config) {
    HarbourConfig.DataFiles files = config.files();
    HarbourConfig.Security security = config.security();
    Future<PasswordPolicy> passwords = vertx.executeBlocking(() -> PasswordPolicy.load(files.commonPasswords()), false);
    // Cheap to make: its one costly hash is made in the background (Argon2Hashing).
    Argon2Hashing hashing = new Argon2Hashing(
        vertx, new Argon2Hashing.Cost(security.argon2MemoryKib(), security.argon2Iterations(), 1), security.hashingWaitLimit());
    Future<BankHolidays> holidays = vertx.executeBlocking(() -> BankHolidays.fromYaml(Files.readString(files.bankHolidays())), false);
    Future<CardRenderer> cards = vertx.executeBlocking(() -> CardRenderer.load(config.webRoot().resolve("templates")), false);
    Future<List<CatalogueEntry>> national = vertx.executeBlocking(
        () -> CatalogueSeed.parse(Files.readString(files.signposting().resolve(CatalogueSeed.NATIONAL)), config.zone(), false), false);
    SafetyGuidance.Council council = new SafetyGuidance.Council(config.council().name(), config.council().outOfHoursPhone());
    Future<Safety> safety = vertx.executeBlocking(() -> Safety.load(config.safety().lexicon(), config.safety().guidance(), council), false);
    return Future.all(List.of(passwords, holidays, cards, national, safety))
        .map(all -> new StartupFiles(passwords.result(), hashing, holidays.result(), cards.result(), national.result(), safety.result()));
  }
}
