package uk.harbour.identity;

import java.security.SecureRandom;

/** Young people's ids: unguessable, since staff pages and links carry them. */
public final class CareLeaverIds {

  /** Every young person's id starts with this; the audit page tells them from staff by it. */
  public static final String PREFIX = "cl-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private CareLeaverIds() {}

  /** {@code cl-} and 16 letters or digits without look-alikes: 80 random bits. */
  public static String newId() {
    StringBuilder id = new StringBuilder(PREFIX);
    for (int i = 0; i < 16; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
