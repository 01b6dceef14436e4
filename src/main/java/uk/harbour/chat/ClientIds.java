package uk.harbour.chat;

import java.util.regex.Pattern;

/**
 * The ids senders give their messages, by which a resend is known. The store gives messages that
 * have none (system records, alerts) {@code system-<seq>}, so no sender may choose that form: a
 * chosen one could take a later record's place in the unique index and have it, or the sender's
 * own message, answered as a resend of the other.
 */
public final class ClientIds {

  /** What the store puts before the seq of a message with no client id. */
  public static final String SYSTEM_PREFIX = "system-";

  /** What every refusal says. */
  public static final String RULE = "'clientId' must be 1-64 letters, digits, '-' or '_', not starting 'system-'.";

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ClientIds() {}

  public static boolean valid(String clientId) {
    return FORM.matcher(clientId).matches() && !clientId.startsWith(SYSTEM_PREFIX);
  }
}
