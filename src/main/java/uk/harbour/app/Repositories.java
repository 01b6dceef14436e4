package uk.harbour.app;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import uk.harbour.audit.AuditLog;
import uk.harbour.rota.RotaService;
import uk.harbour.store.Durability;
import uk.harbour.store.MongoActiveConversationRepository;
import uk.harbour.store.MongoAuditLog;
import uk.harbour.store.MongoCareLeaverRepository;
import uk.harbour.store.MongoCatalogueRepository;
import uk.harbour.store.MongoConversationRepository;
import uk.harbour.store.MongoDeviceRepository;
import uk.harbour.store.MongoInviteRepository;
import uk.harbour.store.MongoKnownBrowserRepository;
import uk.harbour.store.MongoLeaseRepository;
import uk.harbour.store.MongoMessageRepository;
import uk.harbour.store.MongoReportDayRepository;
import uk.harbour.store.MongoReportProgressRepository;
import uk.harbour.store.MongoRotaRepository;
import uk.harbour.store.MongoSavedHelpRepository;
import uk.harbour.store.MongoStaffRepository;
import uk.harbour.store.MongoStore;

/** One repository per collection, over the store's client and its durability. */
record Repositories(
    MongoStaffRepository staff,
    MongoCareLeaverRepository careLeavers,
    MongoInviteRepository invites,
    MongoDeviceRepository devices,
    MongoKnownBrowserRepository knownBrowsers,
    MongoMessageRepository messages,
    MongoConversationRepository conversations,
    MongoActiveConversationRepository activeConversations,
    MongoRotaRepository rota,
    MongoCatalogueRepository catalogue,
    MongoSavedHelpRepository savedHelp,
    AuditLog audit,
    MongoLeaseRepository leases,
    MongoReportDayRepository reportDays,
    MongoReportProgressRepository reportProgress) {

  static Repositories over(MongoStore store, HarbourConfig config, Clock clock) {
    MongoClient mongo = store.client();
    Durability durability = store.durability();
    return new Repositories(
        new MongoStaffRepository(mongo, durability),
        new MongoCareLeaverRepository(mongo, durability),
        new MongoInviteRepository(mongo, durability),
        new MongoDeviceRepository(mongo, durability),
        new MongoKnownBrowserRepository(mongo, durability),
        new MongoMessageRepository(mongo, durability),
        new MongoConversationRepository(mongo),
        new MongoActiveConversationRepository(mongo),
        new MongoRotaRepository(mongo, durability, RotaService.DEFAULT_CAPACITY),
        new MongoCatalogueRepository(mongo, durability, config.zone()),
        new MongoSavedHelpRepository(mongo, durability),
        new MongoAuditLog(mongo, durability, clock),
        new MongoLeaseRepository(mongo),
        new MongoReportDayRepository(mongo),
        new MongoReportProgressRepository(mongo));
  }

  /** The unique indexes every look-up relies on, declared by their repositories. */
  Future<Void> createIndexes() {
    return Future.all(careLeavers.createIndexes(), invites.createIndexes(), messages.createIndexes(), catalogue.createIndexes(), savedHelp.createIndexes())
        .mapEmpty();
  }
}
