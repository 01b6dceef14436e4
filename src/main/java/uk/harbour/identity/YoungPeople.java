package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.web.HarbourException;

/**
 * Staff look after young people's records: add one (with an invite), issue a new invite, revoke
 * access, and (managers, admins) change their PA. Every change is audited.
 */
public final class YoungPeople {

  private final CareLeaverRepository careLeavers;
  private final StaffRepository staff;
  private final InviteRepository invites;
  private final DeviceSessions devices;
  private final SignOuts signOuts;
  private final PaFollowers followers;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration inviteLifetime;

  public YoungPeople(
      CareLeaverRepository careLeavers,
      StaffRepository staff,
      InviteRepository invites,
      DeviceSessions devices,
      SignOuts signOuts,
      PaFollowers followers,
      AuditLog audit,
      Clock clock,
      Duration inviteLifetime) {
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.staff = Objects.requireNonNull(staff);
    this.invites = Objects.requireNonNull(invites);
    this.devices = Objects.requireNonNull(devices);
    this.signOuts = Objects.requireNonNull(signOuts);
    this.followers = Objects.requireNonNull(followers);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
    this.inviteLifetime = Objects.requireNonNull(inviteLifetime);
  }

  /** An invite as shown once to the adviser who made it; only hashes are stored. */
  public record IssuedInvite(String careLeaverId, String firstName, String token, String code, Instant expiresAt) {}

  public record NewCareLeaver(String firstName, LocalDate dateOfBirth, String paUsername) {}

  public static boolean canSee(SignedIn who, CareLeaver person) {
    return switch (who.role()) {
      case CARE_LEAVER -> who.id().equals(person.id());
      case ADVISER -> who.id().equals(person.paUsername());
      case MANAGER -> who.team() == null || Objects.equals(who.team(), person.team());
      case ADMIN -> true;
    };
  }

  public Future<IssuedInvite> create(SignedIn by, String address, NewCareLeaver request) {
    LocalDate today = LocalDate.now(clock);
    if (request.dateOfBirth().isAfter(today.minusYears(16)) || request.dateOfBirth().isBefore(today.minusYears(26))) {
      return Future.failedFuture(
          HarbourException.badRequest("not_eligible", "Harbour is for care leavers aged 16 to 25. Check the date of birth."));
    }
    String pa = by.role() == Role.ADVISER ? by.id() : request.paUsername();
    return adviser(by, pa)
        .compose(
            adviser -> {
              Instant now = clock.instant();
              CareLeaver person =
                  new CareLeaver(CareLeaverIds.newId(), request.firstName(), request.dateOfBirth(), adviser.username(), adviser.team(), true,
                      Optional.empty(), Optional.empty(), now, Instant.EPOCH);
              return careLeavers.insert(person);
            })
        .compose(person -> audit.append(actor(by, address), AuditAction.CARE_LEAVER_CREATED, person.id(), new JsonObject().put("pa", pa)).map(person))
        .compose(person -> issueInvite(by, address, person));
  }

  public Future<IssuedInvite> reissueInvite(SignedIn by, String address, String careLeaverId) {
    return visible(by, careLeaverId).compose(person -> invites.deleteAllFor(person.id()).compose(v -> issueInvite(by, address, person)));
  }

  /** What an on-call adviser checked with a young person who has forgotten how to sign in. */
  public record IdentityCheck(String name, LocalDate dateOfBirth, String howChecked) {}

  /**
   * A new invite made out of hours by someone on duty now (the caller has checked that with the
   * rota), for a young person who is not on their own caseload: found only by their sign-in name or
   * first name together with their date of birth, after the adviser has checked who they are.
   * Older invites stop working. Every try is audited, with how they checked, also when nobody matched.
   */
  public Future<IssuedInvite> reissueOnCall(SignedIn by, String address, IdentityCheck check) {
    String name = check.name().toLowerCase(Locale.ROOT);
    return careLeavers
        .all()
        .map(all -> all.stream()
            .filter(p -> p.active() && check.dateOfBirth().equals(p.dateOfBirth()))
            .filter(p -> p.firstName().toLowerCase(Locale.ROOT).equals(name) || p.loginName().filter(name::equals).isPresent())
            .toList())
        .compose(found -> {
          JsonObject detail = new JsonObject().put("checked", check.howChecked());
          if (found.size() != 1) {
            HarbourException refusal = found.isEmpty()
                ? HarbourException.notFound("Nobody matches that name and date of birth. Check both with them again.")
                : HarbourException.conflict("more_than_one", "More than one young person has that first name and date of birth. Ask for their sign-in name.");
            return audit.append(actor(by, address), AuditAction.ON_CALL_INVITE_NO_MATCH, null, detail.put("matches", found.size()))
                .compose(v -> Future.<IssuedInvite>failedFuture(refusal));
          }
          CareLeaver person = found.get(0);
          return audit.append(actor(by, address), AuditAction.ON_CALL_INVITE, person.id(), detail)
              .compose(v -> invites.deleteAllFor(person.id()))
              .compose(v -> issueInvite(by, address, person));
        });
  }

  public Future<Void> revoke(SignedIn by, String address, String careLeaverId) {
    return visible(by, careLeaverId)
        .compose(
            person ->
                careLeavers.update(
                    new CareLeaver(person.id(), person.firstName(), person.dateOfBirth(), person.paUsername(), person.team(), false,
                        person.loginName(), person.secretHash(), person.createdAt(), clock.instant())))
        .compose(person -> devices.forgetAll(person.id()).compose(v -> invites.deleteAllFor(person.id())).map(person))
        .compose(
            person -> {
              signOuts.everywhere(person.id());
              return audit.append(actor(by, address), AuditAction.ACCESS_REVOKED, person.id(), new JsonObject()).mapEmpty();
            });
  }

  public Future<CareLeaver> assignPa(SignedIn by, String address, String careLeaverId, String paUsername) {
    if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
      return Future.failedFuture(HarbourException.forbidden("Only a manager or admin can change someone's PA."));
    }
    return visible(by, careLeaverId)
        .compose(
            person ->
                adviser(by, paUsername)
                    .compose(
                        adviser ->
                            careLeavers.update(
                                    new CareLeaver(person.id(), person.firstName(), person.dateOfBirth(), adviser.username(), adviser.team(), person.active(),
                                        person.loginName(), person.secretHash(), person.createdAt(), person.sessionsValidAfter()))
                                // Also when the record had this PA already: a retry after the conversation failed to follow mends it.
                                .compose(updated -> followers.follow(by, updated, adviser.displayName()).map(updated))))
        .compose(
            person ->
                audit.append(actor(by, address), AuditAction.PA_ASSIGNED, person.id(), new JsonObject().put("pa", person.paUsername())).map(person));
  }

  public Future<List<CareLeaver>> visibleTo(SignedIn by) {
    return careLeavers.all().map(all -> all.stream().filter(p -> canSee(by, p)).toList());
  }

  public Future<CareLeaver> visible(SignedIn by, String careLeaverId) {
    return careLeavers
        .find(careLeaverId)
        .compose(
            found ->
                found.filter(p -> by.role().isStaff() && canSee(by, p))
                    .map(Future::succeededFuture)
                    // Someone else's record answers exactly like a missing one: no hint that it exists.
                    .orElseGet(() -> Future.failedFuture(HarbourException.notFound("No such young person."))));
  }

  private Future<IssuedInvite> issueInvite(SignedIn by, String address, CareLeaver person) {
    String token = Tokens.random();
    String code = InviteCodes.newCode();
    Instant now = clock.instant();
    Invite invite = new Invite(Tokens.sha256(token), person.id(), InviteCodes.hash(code), by.id(), now, now.plus(inviteLifetime), false);
    return invites
        .insert(invite)
        .compose(v -> audit.append(actor(by, address), AuditAction.INVITE_CREATED, person.id(), new JsonObject().put("expiresAt", invite.expiresAt().toString())))
        .map(v -> new IssuedInvite(person.id(), person.firstName(), token, code, invite.expiresAt()));
  }

  /**
   * Whom {@code by} may make someone's PA. A manager with a team keeps young people in it: an
   * adviser of another team would take the record (and its invite) out of the manager's sight.
   * A manager without a team sees everyone ({@link #canSee}), so may choose anyone, as an admin may.
   */
  public static boolean mayChoose(SignedIn by, StaffAccount adviser) {
    return adviser.active()
        && adviser.role() == Role.ADVISER
        && (by.role() != Role.MANAGER || by.team() == null || Objects.equals(by.team(), adviser.team()));
  }

  private Future<StaffAccount> adviser(SignedIn by, String username) {
    String choose = by.role() == Role.MANAGER && by.team() != null ? "Choose an active personal adviser in your team." : "Choose an active personal adviser.";
    return staff
        .find(username == null ? "" : username)
        .compose(
            found ->
                found.filter(a -> mayChoose(by, a))
                    .map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(HarbourException.badRequest("unknown_adviser", choose))));
  }

  static Actor actor(SignedIn by, String address) {
    return new Actor(by.id(), by.role().name(), address);
  }
}
