package uk.harbour.chat;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import uk.harbour.identity.SignedIn;

/**
 * What every staff console hears on {@link ChatAddresses#STAFF}: queue changes and presence. A
 * conversation summary carries a preview of the young person's words, which only staff who may read
 * that conversation get; everyone else gets the same summary without it. Both forms travel in one
 * published message (the second as a header, or in the body of a batch), so each connection picks
 * its own without asking the store, on one node or several.
 */
final class StaffFeed {

  /** The conversation a summary is about. */
  static final String CONVERSATION = "harbour-conversation";
  /** The same frame with {@code preview} null. */
  static final String WITHOUT_PREVIEW = "harbour-without-preview";
  /** Set on a publication of several summaries ({@link StaffSummaries}), whose body is a {@link #batch}. */
  static final String BATCH = "harbour-summaries";

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

  /**
   * A batch of summaries as one published body: per summary three lines, its conversation, the
   * summary and the summary without its preview (empty when it has none). Compact JSON never
   * holds a raw line break, so each console splits the body without parsing it.
   */
  static String batch(Collection<JsonObject> summaries) {
    StringBuilder body = new StringBuilder();
    for (JsonObject summary : summaries) {
      body.append(summary.getString("id")).append('\n').append(summary.encode()).append('\n');
      if (summary.getValue("preview") != null) {
        body.append(ServerFrames.withoutPreview(summary).encode());
      }
      body.append('\n');
    }
    return body.toString();
  }

  /** The frame this staff member gets: each preview only if they may read that conversation as it is now. */
  static String frameFor(SignedIn staff, Message<String> published, Function<String, Optional<Conversation>> conversations) {
    if (published.headers().get(BATCH) == null) {
      return choose(staff, published.headers().get(CONVERSATION), published.body(), published.headers().get(WITHOUT_PREVIEW), conversations);
    }
    // Each console builds its own frame from the shared body: only the chosen form of each summary is copied.
    String body = published.body();
    StringBuilder frame = ServerFrames.startConversations(body.length() / 2);
    boolean first = true;
    for (int at = 0; at < body.length(); ) {
      int afterId = body.indexOf('\n', at);
      int afterSummary = body.indexOf('\n', afterId + 1);
      int afterWithout = body.indexOf('\n', afterSummary + 1);
      boolean hasPreview = afterWithout > afterSummary + 1;
      if (!first) {
        frame.append(',');
      }
      first = false;
      if (!hasPreview || mayRead(staff, body.substring(at, afterId), conversations)) {
        frame.append(body, afterId + 1, afterSummary);
      } else {
        frame.append(body, afterSummary + 1, afterWithout);
      }
      at = afterWithout + 1;
    }
    return ServerFrames.endConversations(frame);
  }

  private static String choose(
      SignedIn staff, String conversationId, String frame, String withoutPreview, Function<String, Optional<Conversation>> conversations) {
    return conversationId == null || mayRead(staff, conversationId, conversations) ? frame : withoutPreview;
  }

  private static boolean mayRead(SignedIn staff, String conversationId, Function<String, Optional<Conversation>> conversations) {
    return conversations.apply(conversationId).map(c -> ChatAccess.canRead(staff, c)).orElse(false);
  }
}
