package uk.harbour.chat;

/** What a stored message is. Notes and alerts are for staff only and never reach a care leaver. */
public enum MessageKind {
  TEXT,
  NOTE,
  CARD,
  SYSTEM,
  AUTO_REPLY,
  /** A staff-only routing record: an escalation alert, its acknowledgement, a handover item. */
  ALERT;

  public String wireName() {
    return name().toLowerCase();
  }

  public boolean staffOnly() {
    return this == NOTE || this == ALERT;
  }
}
