package uk.harbour.chat;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A checked {@code send} frame. {@code card} is set only for kind CARD: a signposting card
 * ({@code entryId, version, title, html, text}) rendered at send time and stored with the message.
 */
public record SendCommand(String conversationId, String clientId, String text, MessageKind kind, JsonObject card) {

  public SendCommand {
    Objects.requireNonNull(conversationId);
    Objects.requireNonNull(clientId);
    Objects.requireNonNull(text);
    Objects.requireNonNull(kind);
    if ((kind == MessageKind.CARD) != (card != null)) {
      throw new IllegalArgumentException("A card goes with kind CARD, and only then");
    }
    card = card == null ? null : card.copy();
  }

  public SendCommand(String conversationId, String clientId, String text, MessageKind kind) {
    this(conversationId, clientId, text, kind, null);
  }

  @Override
  public JsonObject card() {
    return card == null ? null : card.copy();
  }
}
