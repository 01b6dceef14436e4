package uk.harbour.chat;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import uk.harbour.identity.SignedIn;

/**
 * What every staff console hears on {@link ChatAddresses#STAFF}: queue changes and presence. A
 * conversation summary carries a preview of the young person's words, which only staff who may read
 * that conversation get; everyone else gets the same summary without it. Both forms travel in one
 * published message (the second as a header), so each connection picks its own without asking the
 * store, on one node or several.
 */
final class StaffFeed {

  /** The conversation a summary is about. */
  static final String CONVERSATION = "harbour-conversation";
  /** The same frame with {@code preview} null. */
  static final String WITHOUT_PREVIEW = "harbour-without-preview";

  private StaffFeed() {}

  /** How a summary frame is published: the whole frame, and the header for those who may not read it. */
  static DeliveryOptions summaryOptions(JsonObject summary) {
    DeliveryOptions options = new DeliveryOptions();
    if (summary.getValue("preview") != null) {
      options
          .addHeader(CONVERSATION, summary.getString("id"))
          .addHeader(WITHOUT_PREVIEW, ServerFrames.conversation(ServerFrames.withoutPreview(summary)));
    }
    return options;
  }

  /** The frame this staff member gets: the preview only if they may read the conversation as it is now. */
  static String frameFor(SignedIn staff, Message<String> published, Function<String, Optional<Conversation>> conversations) {
    String id = published.headers().get(CONVERSATION);
    if (id == null) {
      return published.body();
    }
    boolean mayRead = conversations.apply(id).map(c -> ChatAccess.canRead(staff, c)).orElse(false);
    return mayRead ? published.body() : published.headers().get(WITHOUT_PREVIEW);
  }
}
