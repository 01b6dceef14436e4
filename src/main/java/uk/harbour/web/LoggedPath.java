package uk.harbour.web;

/**
 * A request path as it may be written to a log: an invite link's token is a secret that sets up a
 * young person's sign-in until it is used, so it never reaches a log file.
 */
public final class LoggedPath {

  private static final String INVITE_LINK = "/join/";

  private LoggedPath() {}

  public static String of(String path) {
    if (path != null && path.startsWith(INVITE_LINK) && path.length() > INVITE_LINK.length()) {
      return INVITE_LINK + "…";
    }
    return path;
  }
}
