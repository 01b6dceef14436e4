package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ChatSockets;
import uk.harbour.chat.OnCallInfo;
import uk.harbour.chat.RateLimiter;
import uk.harbour.chat.StaffPresence;
import uk.harbour.identity.AccountLookup;
import uk.harbour.identity.Argon2Hashing;
import uk.harbour.identity.AuthenticationHandler;
import uk.harbour.identity.DeviceSessions;
import uk.harbour.identity.Identity;
import uk.harbour.identity.LoginThrottle;
import uk.harbour.identity.Onboarding;
import uk.harbour.identity.PasswordPolicy;
import uk.harbour.identity.SessionCheck;
import uk.harbour.identity.SessionLimits;
import uk.harbour.identity.Sessions;
import uk.harbour.identity.SocketAuthenticator;
import io.vertx.ext.web.sstore.SessionStore;
import uk.harbour.identity.SignOuts;
import uk.harbour.identity.StaffAccounts;
import uk.harbour.identity.StaffSignIn;
import uk.harbour.identity.Tokens;
import uk.harbour.identity.Totp;
import uk.harbour.identity.YoungPeople;
import uk.harbour.rota.RotaYaml;
import uk.harbour.signposting.CardHelpers;
import uk.harbour.signposting.CardRenderer;
import uk.harbour.signposting.CardSending;
import uk.harbour.signposting.CardView;
import uk.harbour.signposting.CatalogueSeed;
import uk.harbour.signposting.SavedHelp;
import uk.harbour.signposting.Signposting;
import uk.harbour.store.MongoAuditLog;
import uk.harbour.store.MongoCatalogueRepository;
import uk.harbour.store.MongoSavedHelpRepository;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoDeviceRepository;
import uk.harbour.store.MongoInviteRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.MongoStaffRepository;
import uk.harbour.store.MongoStore;
import uk.harbour.store.Durability;
import uk.harbour.web.Pages;

/** Builds every service from configuration and the store, creating indexes first. */
final class Wiring {

  private Wiring() {}

  static Future<Services> build(
      Vertx vertx, HarbourConfig config, Clock clock, MongoStore store, Pages pages, Optional<PrometheusMeterRegistry> metrics) {
    var mongo = store.client();
    Durability durability = store.durability();
    var staff = new MongoStaffRepository(mongo, durability);
    var careLeavers = new MongoCareLeaverRepository(mongo, durability);
    var invites = new MongoInviteRepository(mongo, durability);
    var devices = new MongoDeviceRepository(mongo, durability);
    var messages = new MongoMessageRepository(mongo);
    var conversations = new MongoConversationRepository(mongo);
    AuditLog audit = new MongoAuditLog(mongo, durability, clock);
    HarbourConfig.Security security = config.security();

    var catalogue = new MongoCatalogueRepository(mongo, durability, config.zone());
    var savedHelp = new MongoSavedHelpRepository(mongo, durability);

    Future<Void> indexes =
        Future.all(careLeavers.createIndexes(), invites.createIndexes(), messages.createIndexes(), catalogue.createIndexes(), savedHelp.createIndexes())
            .mapEmpty();
    Future<PasswordPolicy> policy = vertx.executeBlocking(() -> PasswordPolicy.load(Path.of("config", "common-passwords.txt")), false);
    Future<Argon2Hashing> hashing = vertx.executeBlocking(() -> new Argon2Hashing(vertx, new Argon2Hashing.Cost(security.argon2MemoryKib(), security.argon2Iterations(), 1)), false);

    Future<SignpostingFiles> signpostingFiles = vertx.executeBlocking(() -> SignpostingFiles.read(config), false);

    return Future.all(indexes, policy, hashing, signpostingFiles)
        .compose(
            ready -> {
              SignOuts signOuts = new SignOuts(vertx.eventBus());
              LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Limits.DEFAULT);
              DeviceSessions deviceSessions =
                  new DeviceSessions(devices, careLeavers, clock, security.deviceLifetime(), config.http().secureCookies());
              AccountLookup accountLookup = new AccountLookup(staff, careLeavers);
              SessionCheck sessionCheck =
                  new SessionCheck(new SessionLimits(clock, security.staffIdle(), security.staffAbsolute(), security.staffIdle()), accountLookup);
              Identity identity =
                  new Identity(
                      new StaffSignIn(staff, hashing.result(), throttle, new Totp(clock), audit, clock, security.requireTotpForManagers()),
                      new StaffAccounts(staff, hashing.result(), policy.result(), audit, signOuts, clock),
                      new YoungPeople(careLeavers, staff, invites, deviceSessions, signOuts, audit, clock, security.inviteLifetime()),
                      new Onboarding(careLeavers, invites, hashing.result(), throttle, audit, clock),
                      deviceSessions,
                      new AuthenticationHandler(sessionCheck, deviceSessions),
                      audit,
                      clock);
              ChatDelivery delivery = new ChatDelivery(vertx.eventBus());
              ChatService chat = new ChatService(vertx, messages, conversations, careLeavers, durability, delivery, clock);
              ChatSockets sockets =
                  new ChatSockets(
                      vertx,
                      chat,
                      delivery,
                      new StaffPresence(delivery),
                      staff,
                      new RateLimiter(clock, config.chat().burst(), config.chat().messagesPerMinute()),
                      config.chat().burst(),
                      OnCallInfo.unknown(),
                      (who, conversationId) ->
                          audit.append(
                              new AuditLog.Actor(who.id(), who.role().name(), "-"), AuditAction.CONVERSATION_VIEWED, conversationId, new JsonObject()),
                      clock);
              String csrfSecret = security.csrfSecret().isEmpty() ? Tokens.random() : security.csrfSecret();
              SessionStore sessionStore = Sessions.store(vertx);
              SignpostingFiles files = signpostingFiles.result();
              CardHelpers.forPages().forEach(pages::helper);
              Signposting signposting =
                  new Signposting(
                      catalogue, careLeavers, files.renderer(), files.holidays(),
                      new CardView.Council(config.council().name(), config.council().outOfHoursPhone()), audit, clock);
              Services services =
                  new Services(
                      config, clock, store, pages, metrics, csrfSecret, audit, identity, chat, sockets, sessionStore,
                      new SocketAuthenticator(sessionStore, sessionCheck, deviceSessions),
                      staff, signposting, new SavedHelp(savedHelp, signposting, clock), new CardSending(chat, signposting));
              return chat.start()
                  .compose(v -> signposting.start())
                  .compose(v -> signposting.seed(files.national()))
                  .map(services);
            });
  }

  /** What signposting reads from disk at start: templates, bank holidays and the national seed. */
  private record SignpostingFiles(
      CardRenderer renderer, uk.harbour.calendar.BankHolidays holidays, java.util.List<uk.harbour.signposting.CatalogueEntry> national) {

    static SignpostingFiles read(HarbourConfig config) throws java.io.IOException {
      return new SignpostingFiles(
          CardRenderer.load(config.webRoot().resolve("templates")),
          RotaYaml.parseBankHolidays(java.nio.file.Files.readString(Path.of("config", "bank-holidays.yaml"))),
          CatalogueSeed.parse(
              java.nio.file.Files.readString(Path.of("config", "signposting", CatalogueSeed.NATIONAL)), config.zone(), false));
    }
  }
}
