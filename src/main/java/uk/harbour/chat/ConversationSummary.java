package uk.harbour.chat;

import java.util.Objects;

/**
 * What the reports' start-up catch-up needs of a conversation: of one held, from memory; of resting
 * history, from a projection of its snapshot, so history is neither decoded in full nor loaded.
 */
public record ConversationSummary(String id, String team, String paUsername, long lastSeq) {

  public ConversationSummary {
    Objects.requireNonNull(id);
  }

  public static ConversationSummary of(Conversation conv) {
    return new ConversationSummary(conv.id(), conv.team(), conv.paUsername(), conv.lastSeq());
  }
}
