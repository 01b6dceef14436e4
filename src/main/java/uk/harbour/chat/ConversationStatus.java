package uk.harbour.chat;

/** Where a conversation's current episode stands. */
public enum ConversationStatus {
  /** A care leaver's message has no staff reply yet. */
  WAITING,
  /** Staff have replied and the episode is open. */
  ACTIVE,
  /** Closed; the care leaver's next message opens a new episode. */
  RESOLVED
}
