package uk.harbour.signposting;

import io.vertx.core.Future;
import java.util.Objects;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.RateLimiter;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.chat.SendCommand;
import uk.harbour.identity.SignedIn;

/**
 * Sends a catalogue card into a conversation through the chat core's ordered, de-duplicated send:
 * the card is rendered for that care leaver at send time and stored with the message, so a later
 * edit of the entry never rewrites history, and a resend with the same client id stores once.
 */
public final class CardSending {

  private final ChatService chat;
  private final Signposting signposting;
  private final RateLimiter accountLimit;

  /** {@code accountLimit} is the one chat messages use: a card is a message from the same account. */
  public CardSending(ChatService chat, Signposting signposting, RateLimiter accountLimit) {
    this.chat = Objects.requireNonNull(chat);
    this.signposting = Objects.requireNonNull(signposting);
    this.accountLimit = Objects.requireNonNull(accountLimit);
  }

  /** Past the allowance a new card is 429 {@code rate_limited}; a resend of a stored one is answered again. */
  public Future<Message> send(SignedIn staff, String conversationId, String entryId, String clientId) {
    return chat.readable(staff, conversationId)
        .compose(conv -> signposting.audienceFor(conversationId))
        .compose(audience -> signposting.card(entryId, audience))
        .compose(card -> chat.send(staff, new SendCommand(conversationId, clientId, card.getString("title"), MessageKind.CARD, card), accountLimit));
  }
}
