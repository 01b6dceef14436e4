package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ChatSockets;
import uk.harbour.chat.ConversationLog;
import uk.harbour.chat.StaffActions;
import java.nio.file.Files;
import java.util.List;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.identity.StaffRepository;
import uk.harbour.routing.DayHandover;
import uk.harbour.routing.Escalations;
import uk.harbour.routing.HelpOpenNow;
import uk.harbour.routing.OnCallView;
import uk.harbour.routing.RotaNow;
import uk.harbour.routing.ConversationAssigner;
import uk.harbour.routing.Routing;
import uk.harbour.routing.RoutingSettings;
import uk.harbour.routing.RoutingTexts;
import uk.harbour.routing.StaffDirectory;
import uk.harbour.chat.RateLimiter;
import uk.harbour.chat.StaffPresence;
import uk.harbour.identity.AccountLookup;
import uk.harbour.identity.Argon2Hashing;
import uk.harbour.identity.AuthenticationHandler;
import uk.harbour.identity.DeviceSessions;
import uk.harbour.identity.Identity;
import uk.harbour.identity.KnownBrowsers;
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
import uk.harbour.identity.Totp;
import uk.harbour.identity.YoungPeople;
import uk.harbour.rota.RotaService;
import uk.harbour.safety.Safety;
import uk.harbour.safety.SafetyGuidance;
import uk.harbour.store.MongoRotaRepository;
import uk.harbour.signposting.CardHelpers;
import uk.harbour.signposting.CardRenderer;
import uk.harbour.signposting.CardSending;
import uk.harbour.signposting.CardView;
import uk.harbour.signposting.CatalogueSeed;
import uk.harbour.signposting.SavedHelp;
import uk.harbour.signposting.Signposting;
import uk.harbour.signposting.CatalogueEntry;
import uk.harbour.store.MongoAuditLog;
import uk.harbour.store.MongoCatalogueRepository;
import uk.harbour.store.MongoSavedHelpRepository;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoDeviceRepository;
import uk.harbour.store.MongoKnownBrowserRepository;
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
    var knownBrowsers = new KnownBrowsers(new MongoKnownBrowserRepository(mongo, durability), clock, KnownBrowsers.LIFETIME, config.http().secureCookies());
    var messages = new MongoMessageRepository(mongo, durability);
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

    Future<BankHolidays> holidays =
        vertx.executeBlocking(() -> BankHolidays.fromYaml(Files.readString(Path.of("config", "bank-holidays.yaml"))), false);
    Future<SignpostingFiles> signpostingFiles = vertx.executeBlocking(() -> SignpostingFiles.read(config), false);
    SafetyGuidance.Council council = new SafetyGuidance.Council(config.council().name(), config.council().outOfHoursPhone());
    Future<Safety> safety = vertx.executeBlocking(() -> Safety.load(config.safety().lexicon(), config.safety().guidance(), council), false);

    return Future.all(List.of(indexes, policy, hashing, holidays, signpostingFiles, safety))
        .compose(
            ready -> {
              SignOuts signOuts = new SignOuts(vertx.eventBus());
              SessionStore sessionStore = Sessions.store(vertx);
              LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Limits.DEFAULT);
              DeviceSessions deviceSessions =
                  new DeviceSessions(devices, careLeavers, clock, security.deviceLifetime(), config.http().secureCookies());
              AccountLookup accountLookup = new AccountLookup(staff, careLeavers);
              SessionCheck sessionCheck =
                  new SessionCheck(new SessionLimits(clock, security.staffIdle(), security.staffAbsolute(), security.staffIdle()), accountLookup);
              Identity identity =
                  new Identity(
                      new StaffSignIn(staff, hashing.result(), throttle, knownBrowsers, new Totp(clock), audit, clock, security.requireTotpForManagers()),
                      new StaffAccounts(staff, hashing.result(), policy.result(), audit, signOuts, clock),
                      new YoungPeople(careLeavers, staff, invites, deviceSessions, signOuts, audit, clock, security.inviteLifetime()),
                      new Onboarding(careLeavers, invites, hashing.result(), throttle, knownBrowsers, audit, clock),
                      deviceSessions,
                      knownBrowsers,
                      new AuthenticationHandler(sessionCheck, deviceSessions, sessionStore),
                      audit,
                      clock);
              ChatDelivery delivery = new ChatDelivery(vertx.eventBus());
              ConversationLog log = new ConversationLog(vertx, messages, conversations, careLeavers);
              ChatService chat = new ChatService(log, messages, delivery, clock);
              StaffPresence presence = new StaffPresence(delivery, clock);
              RotaService rota =
                  new RotaService(
                      vertx, new MongoRotaRepository(mongo, durability, RotaService.DEFAULT_CAPACITY), staff, audit, holidays.result(), config.zone(), clock,
                      config.demo() ? Optional.of(Path.of("config", "demo-rota.yaml")) : Optional.empty());
              SignpostingFiles files = signpostingFiles.result();
              CardHelpers.forPages().forEach(pages::helper);
              Signposting signposting =
                  new Signposting(
                      catalogue, careLeavers, files.renderer(), holidays.result(),
                      new CardView.Council(config.council().name(), config.council().outOfHoursPhone()), audit, clock);
              HelpOpenNow help = (at, careLeaverId, limit) -> signposting.audienceFor(careLeaverId).compose(who -> signposting.openNowCards(at, who, limit));
              Routing routing = routing(config, clock, chat, delivery, presence, new RotaNow(rota::engine), staff, help);
              // A rota change (cover, sickness) can end someone's shift now: hand over at once.
              rota.onChange(engine -> routing.sweep());
              // One allowance per account, whether a message comes over the WebSocket or a card over HTTP.
              RateLimiter accountLimit = new RateLimiter(clock, config.chat().burst(), config.chat().messagesPerMinute());
              ChatSockets sockets =
                  new ChatSockets(
                      vertx,
                      chat,
                      new StaffActions(chat, clock),
                      delivery,
                      presence,
                      staff,
                      accountLimit,
                      config.chat().burst(),
                      routing.view(),
                      (who, conversationId) ->
                          audit.append(
                              new AuditLog.Actor(who.id(), who.role().name(), "-"), AuditAction.CONVERSATION_VIEWED, conversationId, new JsonObject()),
                      clock);
              Services services =
                  new Services(
                      config, clock, store, pages, metrics, audit, identity, chat, sockets, sessionStore,
                      new SocketAuthenticator(sessionStore, sessionCheck, deviceSessions),
                      staff,
                      routing,
                      rota,
                      presence,
                      signposting,
                      new SavedHelp(savedHelp, signposting, clock),
                      new CardSending(chat, signposting, accountLimit),
                      safety.result());
              return log.start()
                  .compose(v -> rota.start())
                  .compose(v -> signposting.start())
                  .compose(v -> signposting.seed(files.national()))
                  .map(services);
            });
  }

  private static Routing routing(
      HarbourConfig config,
      Clock clock,
      ChatService chat,
      ChatDelivery delivery,
      StaffPresence presence,
      RotaNow rota,
      StaffRepository staffRepository,
      HelpOpenNow help) {
    RoutingSettings settings = config.routing();
    StaffDirectory directory = new StaffDirectory(staffRepository);
    RoutingTexts texts = new RoutingTexts(config.zone(), config.council().name(), config.council().outOfHoursPhone());
    ConversationAssigner assigner = new ConversationAssigner(chat, rota, presence, directory, help, texts, settings, clock);
    return new Routing(
        chat,
        delivery,
        assigner,
        new Escalations(chat, delivery, rota, directory, texts, settings),
        new DayHandover(chat, delivery, rota, directory, texts, config.zone()),
        new OnCallView(chat, rota, presence, directory, clock),
        directory,
        settings.disconnectGrace(),
        clock);
  }

  /** What signposting reads from disk at start: card templates and the national seed. */
  private record SignpostingFiles(CardRenderer renderer, List<CatalogueEntry> national) {

    static SignpostingFiles read(HarbourConfig config) throws java.io.IOException {
      return new SignpostingFiles(
          CardRenderer.load(config.webRoot().resolve("templates")),
          CatalogueSeed.parse(Files.readString(Path.of("config", "signposting", CatalogueSeed.NATIONAL)), config.zone(), false));
    }
  }
}
