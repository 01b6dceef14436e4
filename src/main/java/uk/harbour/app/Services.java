package uk.harbour.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import uk.harbour.routing.Routing;
import uk.harbour.audit.AuditLog;
import uk.harbour.cluster.Leadership;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ChatSockets;
import uk.harbour.chat.StaffPresence;
import uk.harbour.rota.RotaService;
import uk.harbour.safety.Safety;
import io.vertx.ext.web.sstore.SessionStore;
import uk.harbour.identity.Identity;
import uk.harbour.identity.SocketAuthenticator;
import uk.harbour.identity.StaffRepository;
import uk.harbour.signposting.CardSending;
import uk.harbour.signposting.SavedHelp;
import uk.harbour.signposting.Signposting;
import uk.harbour.store.MongoStore;
import uk.harbour.web.Pages;

/** The long-lived collaborators built once at start and shared by every verticle instance. */
public record Services(
    HarbourConfig config,
    Clock clock,
    MongoStore store,
    Pages pages,
    Optional<PrometheusMeterRegistry> metrics,
    AuditLog audit,
    Identity identity,
    ChatService chat,
    ChatSockets chatSockets,
    SessionStore sessionStore,
    SocketAuthenticator socketAuthenticator,
    StaffRepository staffRepository,
    Routing routing,
    RotaService rota,
    StaffPresence staffPresence,
    Signposting signposting,
    SavedHelp savedHelp,
    CardSending cardSending,
    Safety safety,
    Leadership leadership,
    ReportsWiring reports) {}
