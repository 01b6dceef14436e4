package uk.harbour.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.sstore.SessionStore;
import java.time.Clock;
import uk.harbour.identity.AccountLookup;
import uk.harbour.identity.AuthenticationHandler;
import uk.harbour.identity.DeviceSessions;
import uk.harbour.identity.Identity;
import uk.harbour.identity.KnownBrowsers;
import uk.harbour.identity.LoginThrottle;
import uk.harbour.identity.Onboarding;
import uk.harbour.identity.PaFollowers;
import uk.harbour.identity.SessionCheck;
import uk.harbour.identity.SessionLimits;
import uk.harbour.identity.Sessions;
import uk.harbour.identity.SignOuts;
import uk.harbour.identity.SocketAuthenticator;
import uk.harbour.identity.StaffAccounts;
import uk.harbour.identity.StaffSignIn;
import uk.harbour.identity.Totp;
import uk.harbour.identity.YoungPeople;

/** Accounts, sign-in, sessions and invites, and how the chat's sockets are signed in. */
record IdentityWiring(Identity identity, SessionStore sessionStore, SocketAuthenticator socketAuthenticator) {

  static IdentityWiring build(Vertx vertx, HarbourConfig config, Clock clock, Repositories repos, StartupFiles files, PaFollowers paFollowers) {
    HarbourConfig.Security security = config.security();
    boolean secure = config.http().secureCookies();
    SignOuts signOuts = new SignOuts(vertx.eventBus());
    SessionStore sessionStore = Sessions.store(vertx);
    LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Limits.DEFAULT);
    KnownBrowsers knownBrowsers = new KnownBrowsers(repos.knownBrowsers(), clock, KnownBrowsers.LIFETIME, secure);
    DeviceSessions devices = new DeviceSessions(repos.devices(), repos.careLeavers(), clock, security.deviceLifetime(), secure);
    SessionCheck sessionCheck = new SessionCheck(
        new SessionLimits(clock, security.staffIdle(), security.staffAbsolute(), security.staffIdle()), new AccountLookup(repos.staff(), repos.careLeavers()));
    Identity identity =
        new Identity(
            new StaffSignIn(repos.staff(), files.hashing(), throttle, knownBrowsers, new Totp(clock), repos.audit(), clock, security.requireTotpForManagers()),
            new StaffAccounts(repos.staff(), files.hashing(), files.passwords(), repos.audit(), signOuts, clock),
            new YoungPeople(repos.careLeavers(), repos.staff(), repos.invites(), devices, signOuts, paFollowers, repos.audit(), clock, security.inviteLifetime()),
            new Onboarding(repos.careLeavers(), repos.invites(), files.hashing(), throttle, knownBrowsers, repos.audit(), clock),
            devices,
            knownBrowsers,
            new AuthenticationHandler(sessionCheck, devices, sessionStore),
            repos.audit(),
            clock);
    return new IdentityWiring(identity, sessionStore, new SocketAuthenticator(sessionStore, sessionCheck, devices));
  }
}
