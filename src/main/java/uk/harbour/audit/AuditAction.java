package uk.harbour.audit;

/**
 * The audited actions; stored by name, so names never change once released. Each has the plain
 * words the audit page shows instead of the code.
 */
public enum AuditAction {
  SIGN_IN("Signed in"),
  SIGN_IN_FAILED("Sign-in failed"),
  /** No longer written: sign-in is slowed, never locked (see SIGN_IN_SLOWED); kept for older entries. */
  LOCKED_OUT("Locked out after failed sign-ins"),
  SIGN_IN_SLOWED("Sign-in slowed after failed tries"),
  SIGN_OUT("Signed out"),
  SIGN_OUT_EVERYWHERE("Signed out on every device"),
  STAFF_CREATED("Added a member of staff"),
  STAFF_CHANGED("Changed a staff account"),
  SECOND_FACTOR_REFUSED("Tried to replace a second factor with a wrong code from the current one"),
  CARE_LEAVER_CREATED("Added a young person"),
  CARE_LEAVER_CHANGED("Changed a young person's details"),
  PA_ASSIGNED("Changed a young person's PA"),
  ACCESS_REVOKED("Removed a young person's access"),
  INVITE_CREATED("Made an invite"),
  INVITE_USED("Joined with an invite"),
  CONVERSATION_VIEWED("Viewed a conversation"),
  TRANSCRIPT_EXPORTED("Printed or saved a transcript"),
  ROTA_CHANGED("Changed the rota"),
  CATALOGUE_CHANGED("Changed the help catalogue"),
  RISK_FLAGGED("Risk noticed in a young person's message"),
  RISK_RAISED("Raised a risk flag by hand"),
  RISK_CLEARED("Cleared a risk flag"),
  ON_CALL_INVITE("Made a new invite on call, after checking who they are"),
  ON_CALL_INVITE_NO_MATCH("Looked for a young person on call to make a new invite: no match"),
  REPORT_EXPORTED("Exported report figures");

  private final String words;

  AuditAction(String words) {
    this.words = words;
  }

  /** What the action means, in plain English, for people reading the log. */
  public String words() {
    return words;
  }
}
