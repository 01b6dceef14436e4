package uk.harbour.chat;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
  /** Set on a publication of several summaries ({@link StaffSummaries}): a JSON array of {@link #batchItem}s. */
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

  /** One summary of a batch: the conversation, its frame, and the frame without the preview (null when it has none). */
  static JsonArray batchItem(JsonObject summary) {
    boolean preview = summary.getValue("preview") != null;
    return new JsonArray()
        .add(summary.getString("id"))
        .add(ServerFrames.conversation(summary))
        .add(preview ? ServerFrames.conversation(ServerFrames.withoutPreview(summary)) : null);
  }

  /** The frames this staff member gets: each preview only if they may read that conversation as it is now. */
  static List<String> framesFor(SignedIn staff, Message<String> published, Function<String, Optional<Conversation>> conversations) {
    if (published.headers().get(BATCH) == null) {
      return List.of(choose(staff, published.headers().get(CONVERSATION), published.body(), published.headers().get(WITHOUT_PREVIEW), conversations));
    }
    JsonArray batch = new JsonArray(published.body());
    List<String> frames = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      JsonArray item = batch.getJsonArray(i);
      String without = item.getString(2);
      frames.add(choose(staff, without == null ? null : item.getString(0), item.getString(1), without, conversations));
    }
    return frames;
  }

  private static String choose(
      SignedIn staff, String conversationId, String frame, String withoutPreview, Function<String, Optional<Conversation>> conversations) {
    if (conversationId == null) {
      return frame;
    }
    boolean mayRead = conversations.apply(conversationId).map(c -> ChatAccess.canRead(staff, c)).orElse(false);
    return mayRead ? frame : withoutPreview;
  }
}
