package uk.harbour.identity;

import java.time.Instant;
import java.util.Objects;

/** A one-time invite: stored only as hashes of its link token and its short code. */
public record Invite(
    String tokenHash, String careLeaverId, String codeHash, String createdBy, Instant createdAt, Instant expiresAt, boolean used) {

  public Invite {
    Objects.requireNonNull(tokenHash);
    Objects.requireNonNull(careLeaverId);
    Objects.requireNonNull(codeHash);
  }

  public boolean usableAt(Instant now) {
    return !used && now.isBefore(expiresAt);
  }
}
