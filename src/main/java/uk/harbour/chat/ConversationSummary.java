package uk.harbour.chat;

import java.util.Objects;

/**
 * What the reports' start-up catch-up needs of every conversation, resting history included: read
 * from a projection of the snapshots, so history is neither decoded in full nor loaded.
 */
public record ConversationSummary(String id, String team, String paUsername, long lastSeq) {

  public ConversationSummary {
    Objects.requireNonNull(id);
  }

  static ConversationSummary of(Conversation conv) {
    return new ConversationSummary(conv.id(), conv.team(), conv.paUsername(), conv.lastSeq());
  }
}
