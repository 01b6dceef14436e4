package uk.harbour.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A young person. They choose a sign-in name and secret when they redeem their invite; until then
 * both are empty.
 */
public record CareLeaver(
    String id,
    String firstName,
    LocalDate dateOfBirth,
    String paUsername,
    String team,
    boolean active,
    Optional<String> loginName,
    Optional<String> secretHash,
    Instant createdAt,
    Instant sessionsValidAfter) {

  public CareLeaver {
    Objects.requireNonNull(id);
    Objects.requireNonNull(firstName);
    Objects.requireNonNull(paUsername);
  }
}
