package uk.harbour.chat;

/** What a stored message is. Notes are for staff only and never reach a care leaver. */
public enum MessageKind {
  TEXT,
  NOTE,
  CARD,
  SYSTEM,
  AUTO_REPLY;

  public String wireName() {
    return name().toLowerCase();
  }

  public boolean staffOnly() {
    return this == NOTE;
  }
}
