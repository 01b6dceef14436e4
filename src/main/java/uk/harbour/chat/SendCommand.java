package uk.harbour.chat;

import java.util.Objects;

/** A checked {@code send} frame. */
public record SendCommand(String conversationId, String clientId, String text, MessageKind kind) {

  public SendCommand {
    Objects.requireNonNull(conversationId);
    Objects.requireNonNull(clientId);
    Objects.requireNonNull(text);
    Objects.requireNonNull(kind);
  }
}
