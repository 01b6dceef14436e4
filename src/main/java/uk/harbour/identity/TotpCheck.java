package uk.harbour.identity;

/** Checks a time-based one-time code against a secret. */
@FunctionalInterface
public interface TotpCheck {
  boolean verify(String base32Secret, String code);
}
