package uk.harbour.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A PA, manager or admin. The username is the store key, always lower case. */
public record StaffAccount(
    String username,
    String displayName,
    Role role,
    String team,
    boolean active,
    String passwordHash,
    Optional<String> totpSecret,
    Instant createdAt,
    Instant sessionsValidAfter) {

  public StaffAccount {
    Objects.requireNonNull(username);
    Objects.requireNonNull(role);
    if (!role.isStaff()) {
      throw new IllegalArgumentException("staff accounts cannot have the care leaver role");
    }
  }

  /** What a young person sees of a member of staff: the first name only ("Priya", never "Priya Shah"). */
  public static String firstName(String displayName) {
    if (displayName == null) {
      return null;
    }
    String trimmed = displayName.strip();
    int space = trimmed.indexOf(' ');
    return space > 0 ? trimmed.substring(0, space) : trimmed;
  }

  public StaffAccount withActive(boolean active) {
    return new StaffAccount(username, displayName, role, team, active, passwordHash, totpSecret, createdAt, sessionsValidAfter);
  }

  public StaffAccount withSessionsValidAfter(Instant instant) {
    return new StaffAccount(username, displayName, role, team, active, passwordHash, totpSecret, createdAt, instant);
  }

  public StaffAccount withTotpSecret(Optional<String> secret) {
    return new StaffAccount(username, displayName, role, team, active, passwordHash, secret, createdAt, sessionsValidAfter);
  }
}
