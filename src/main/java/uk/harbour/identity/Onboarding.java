package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.LoginThrottle.Attempt;
import uk.harbour.web.HarbourException;

/**
 * A young person's side of identity: redeem an invite (choose a sign-in name and secret), and sign
 * in again later on another phone. Sign-in is slowed per name and per address like staff's, never
 * locked; invite codes are slowed per address only (a code is not an account).
 */
public final class Onboarding {

  private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");
  private static final String GENERIC_FAILURE = "That name and passphrase did not match. Please try again, or ask your PA for a new invite.";

  private final CareLeaverRepository careLeavers;
  private final InviteRepository invites;
  private final PasswordHashing hashing;
  private final SignInGuard guard;
  private final AuditLog audit;
  private final Clock clock;

  public Onboarding(
      CareLeaverRepository careLeavers,
      InviteRepository invites,
      PasswordHashing hashing,
      LoginThrottle throttle,
      KnownBrowsers browsers,
      AuditLog audit,
      Clock clock) {
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.invites = Objects.requireNonNull(invites);
    this.hashing = Objects.requireNonNull(hashing);
    this.guard = new SignInGuard(throttle, browsers, audit);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The throttle's (and known browsers') key for a young person's sign-in name. */
  public static String account(String loginName) {
    return "young:" + loginName.toLowerCase(Locale.ROOT);
  }

  /** How the young person identifies their invite: the link's token, or the short code. */
  public record InviteKey(Optional<String> token, Optional<String> code) {}

  /** The first name on a still-usable invite, to greet them; empty if the link is no good. */
  public Future<Optional<String>> greet(String token) {
    return invites
        .findByToken(Tokens.sha256(token))
        .compose(
            found ->
                found.filter(i -> i.usableAt(clock.instant()))
                    .map(i -> careLeavers.find(i.careLeaverId()).map(c -> c.map(CareLeaver::firstName)))
                    .orElse(Future.succeededFuture(Optional.empty())));
  }

  /** What is wrong with a chosen sign-in name, if anything. */
  public static Optional<String> loginNameProblem(String rawLoginName) {
    return LOGIN_NAME.matcher(rawLoginName.toLowerCase(Locale.ROOT)).matches()
        ? Optional.empty()
        : Optional.of("Choose a sign-in name of 3 to 30 letters, numbers, dots or dashes.");
  }

  public Future<CareLeaver> redeem(InviteKey key, String rawLoginName, String secretToHash, String address) {
    String loginName = rawLoginName.toLowerCase(Locale.ROOT);
    Optional<String> problem = loginNameProblem(loginName);
    if (problem.isPresent()) {
      return Future.failedFuture(HarbourException.badRequest("bad_login_name", problem.get()));
    }
    Attempt attempt = Attempt.fromAddress(address);
    Instant now = clock.instant();
    return guard.admit(attempt).compose(admitted -> findInvite(key)).compose(
        found -> {
          if (found.isEmpty() || !found.get().usableAt(now)) {
            return guard.failed(attempt, "invite", new JsonObject().put("reason", found.isEmpty() ? "unknown" : "expired_or_used"),
                HarbourException.badRequest("invite_invalid", "That invite has expired or has already been used. Ask your PA for a new one."));
          }
          Invite invite = found.get();
          return careLeavers
              .findByLoginName(loginName)
              .compose(
                  clash ->
                      clash.isPresent() && !clash.get().id().equals(invite.careLeaverId())
                          ? Future.failedFuture(HarbourException.conflict("login_name_taken", "That sign-in name is taken. Please choose another."))
                          : hashing.hash(secretToHash))
              .compose(hash -> invites.markUsed(invite.tokenHash(), now).compose(first -> first ? careLeavers.find(invite.careLeaverId()) : usedAlready())
                  .compose(person -> careLeavers.update(joined(person.orElseThrow(), loginName, hash))))
              .compose(person -> audit.append(new Actor(person.id(), Role.CARE_LEAVER.name(), address), AuditAction.INVITE_USED, person.id(), new JsonObject()).map(person));
        });
  }

  private Future<Optional<Invite>> findInvite(InviteKey key) {
    return key.token().isPresent()
        ? invites.findByToken(Tokens.sha256(key.token().get()))
        : invites.findByCode(InviteCodes.hash(key.code().orElse("")));
  }

  private static <T> Future<T> usedAlready() {
    return Future.failedFuture(HarbourException.badRequest("invite_invalid", "That invite has already been used. Ask your PA for a new one."));
  }

  private static CareLeaver joined(CareLeaver p, String loginName, String hash) {
    return new CareLeaver(p.id(), p.firstName(), p.dateOfBirth(), p.paUsername(), p.team(), true, Optional.of(loginName), Optional.of(hash),
        p.createdAt(), p.sessionsValidAfter());
  }

  /**
   * @param browserToken the known-browser cookie the request carried, if any
   */
  public Future<CareLeaver> signIn(String rawLoginName, String typedSecret, String address, Optional<String> browserToken) {
    String loginName = rawLoginName.toLowerCase(Locale.ROOT);
    String secret = CareLeaverSecret.typed(typedSecret).orElse("");
    return guard.admit(account(loginName), address, browserToken).compose(attempt -> careLeavers
        .findByLoginName(loginName)
        .compose(found -> hashing.verify(secret, found.flatMap(CareLeaver::secretHash)).map(ok -> ok ? found.filter(CareLeaver::active) : Optional.<CareLeaver>empty()))
        .compose(
            person -> {
              if (person.isEmpty()) {
                return guard.failed(attempt, loginName, new JsonObject(), new HarbourException(401, "sign_in_failed", GENERIC_FAILURE));
              }
              guard.succeeded(attempt);
              return audit.append(new Actor(person.get().id(), Role.CARE_LEAVER.name(), address), AuditAction.SIGN_IN, person.get().id(), new JsonObject())
                  .map(person.get());
            }));
  }
}
