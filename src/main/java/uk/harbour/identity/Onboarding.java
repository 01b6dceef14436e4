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
import uk.harbour.web.HarbourException;

/**
 * A young person's side of identity: redeem an invite (choose a sign-in name and secret), and sign
 * in again later on another phone. Both are throttled like staff sign-in.
 */
public final class Onboarding {

  private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");
  private static final String GENERIC_FAILURE = "That name and passphrase did not match. Please try again, or ask your PA for a new invite.";

  private final CareLeaverRepository careLeavers;
  private final InviteRepository invites;
  private final PasswordHashing hashing;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final Clock clock;

  public Onboarding(
      CareLeaverRepository careLeavers, InviteRepository invites, PasswordHashing hashing, LoginThrottle throttle, AuditLog audit, Clock clock) {
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.invites = Objects.requireNonNull(invites);
    this.hashing = Objects.requireNonNull(hashing);
    this.throttle = Objects.requireNonNull(throttle);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
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

  public Future<CareLeaver> redeem(InviteKey key, String rawLoginName, String secretToHash, String address) {
    String loginName = rawLoginName.toLowerCase(Locale.ROOT);
    if (!LOGIN_NAME.matcher(loginName).matches()) {
      return Future.failedFuture(HarbourException.badRequest("bad_login_name", "Choose a sign-in name of 3 to 30 letters, numbers, dots or dashes."));
    }
    if (throttle.lockedUntil("invite", address).isPresent()) {
      return Future.failedFuture(StaffSignIn.lockedOut());
    }
    Future<Optional<Invite>> lookup =
        key.token().isPresent()
            ? invites.findByToken(Tokens.sha256(key.token().get()))
            : invites.findByCode(InviteCodes.hash(key.code().orElse("")));
    Instant now = clock.instant();
    return lookup.compose(
        found -> {
          if (found.isEmpty() || !found.get().usableAt(now)) {
            throttle.failed("invite", address);
            return audit
                .append(Actor.anonymous(address), AuditAction.SIGN_IN_FAILED, "invite", new JsonObject().put("reason", found.isEmpty() ? "unknown" : "expired_or_used"))
                .transform(r -> Future.failedFuture(
                    HarbourException.badRequest("invite_invalid", "That invite has expired or has already been used. Ask your PA for a new one.")));
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

  private static <T> Future<T> usedAlready() {
    return Future.failedFuture(HarbourException.badRequest("invite_invalid", "That invite has already been used. Ask your PA for a new one."));
  }

  private static CareLeaver joined(CareLeaver p, String loginName, String hash) {
    return new CareLeaver(p.id(), p.firstName(), p.dateOfBirth(), p.paUsername(), p.team(), true, Optional.of(loginName), Optional.of(hash),
        p.createdAt(), p.sessionsValidAfter());
  }

  public Future<CareLeaver> signIn(String rawLoginName, String typedSecret, String address) {
    String loginName = rawLoginName.toLowerCase(Locale.ROOT);
    if (throttle.lockedUntil(loginName, address).isPresent()) {
      return Future.failedFuture(StaffSignIn.lockedOut());
    }
    String secret = CareLeaverSecret.typed(typedSecret).orElse("");
    return careLeavers
        .findByLoginName(loginName)
        .compose(found -> hashing.verify(secret, found.flatMap(CareLeaver::secretHash)).map(ok -> ok ? found.filter(CareLeaver::active) : Optional.<CareLeaver>empty()))
        .compose(
            person -> {
              if (person.isEmpty()) {
                boolean locked = throttle.failed(loginName, address);
                return audit
                    .append(Actor.anonymous(address), locked ? AuditAction.LOCKED_OUT : AuditAction.SIGN_IN_FAILED, loginName, new JsonObject())
                    .transform(r -> Future.failedFuture(locked ? StaffSignIn.lockedOut() : new HarbourException(401, "sign_in_failed", GENERIC_FAILURE)));
              }
              throttle.succeeded(loginName, address);
              return audit.append(new Actor(person.get().id(), Role.CARE_LEAVER.name(), address), AuditAction.SIGN_IN, person.get().id(), new JsonObject())
                  .map(person.get());
            });
  }
}
