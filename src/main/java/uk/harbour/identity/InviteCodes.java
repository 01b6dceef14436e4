package uk.harbour.identity;

import java.security.SecureRandom;
import java.util.Locale;

/** Short invite codes a young person can read and type: no 0/O, 1/I/L look-alikes. */
public final class InviteCodes {

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private InviteCodes() {}

  /** A fresh code, shown as {@code ABCD-2345}. */
  public static String newCode() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The canonical form of what someone typed: upper case, no spaces or dashes. */
  public static String normalise(String typed) {
    return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
  }

  public static String hash(String typed) {
    return Tokens.sha256("code:" + normalise(typed));
  }
}
