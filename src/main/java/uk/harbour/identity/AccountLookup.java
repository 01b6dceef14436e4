package uk.harbour.identity;

import io.vertx.core.Future;
import java.util.Objects;

/** Checks a session's person still may be signed in: active, and not signed out everywhere since. */
public final class AccountLookup {

  private final StaffRepository staff;
  private final CareLeaverRepository careLeavers;

  public AccountLookup(StaffRepository staff, CareLeaverRepository careLeavers) {
    this.staff = Objects.requireNonNull(staff);
    this.careLeavers = Objects.requireNonNull(careLeavers);
  }

  public Future<Boolean> stillValid(SignedIn user) {
    if (user.role().isStaff()) {
      return staff
          .find(user.id())
          .map(found -> found.filter(StaffAccount::active).filter(a -> user.signedInAt().isAfter(a.sessionsValidAfter())).isPresent());
    }
    return careLeavers
        .find(user.id())
        .map(found -> found.filter(CareLeaver::active).filter(c -> user.signedInAt().isAfter(c.sessionsValidAfter())).isPresent());
  }
}
