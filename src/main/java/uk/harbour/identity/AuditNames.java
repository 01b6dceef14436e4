package uk.harbour.identity;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names for the ids in audit entries: staff display names, and young people's first names where
 * the reader may see that young person (a manager sees their own team's). An id with no name
 * known stays out of the map, and the page shows it as it is.
 */
final class AuditNames {

  /** Young people's ids look like this ({@code CareLeaverIds}). */
  private static final String YOUNG_PERSON_PREFIX = "cl-";

  private final StaffAccounts staff;
  private final YoungPeople youngPeople;

  AuditNames(StaffAccounts staff, YoungPeople youngPeople) {
    this.staff = Objects.requireNonNull(staff);
    this.youngPeople = Objects.requireNonNull(youngPeople);
  }

  Future<Map<String, String>> of(SignedIn reader, Collection<String> ids) {
    return staff
        .all()
        .compose(
            accounts -> {
              Map<String, String> names = new HashMap<>();
              for (StaffAccount account : accounts) {
                if (ids.contains(account.username())) {
                  names.put(account.username(), account.displayName());
                }
              }
              List<String> young =
                  ids.stream().filter(id -> id != null && id.startsWith(YOUNG_PERSON_PREFIX) && !names.containsKey(id)).distinct().toList();
              List<Future<Optional<String>>> lookups =
                  young.stream()
                      .map(id -> youngPeople.visible(reader, id).map(p -> Optional.of(p.firstName())).otherwise(Optional.empty()))
                      .toList();
              return Future.all(lookups)
                  .map(
                      done -> {
                        for (int i = 0; i < young.size(); i++) {
                          String id = young.get(i);
                          lookups.get(i).result().ifPresent(name -> names.put(id, name));
                        }
                        return names;
                      });
            });
  }
}
