package uk.harbour.chat;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;

/**
 * The young person's one-tap answer to "Was this helpful?" once an episode is resolved, stored as a
 * message of that episode (event {@code feedback}) so reports rebuild it from the messages like
 * everything else. One answer per episode: the message's client id is {@code feedback:<episode>},
 * which no {@code send} can use (a colon is not allowed there), so the store's unique client-id
 * index keeps a second answer out, across tabs and restarts.
 */
public final class EpisodeFeedback {

  public static final Set<String> ANSWERS = Set.of("yes", "not_really", "skip");
  private static final Map<String, String> TEXTS =
      Map.of("yes", "Was this helpful? Yes.", "not_really", "Was this helpful? Not really.", "skip", "Was this helpful? Skipped.");

  private final ChatService chat;
  private final Clock clock;

  public EpisodeFeedback(ChatService chat, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Stores the answer for {@code episode}, which must be the care leaver's latest, resolved episode. */
  public Future<Message> answer(SignedIn careLeaver, int episode, String answer) {
    if (!ANSWERS.contains(answer)) {
      return Future.failedFuture(HarbourException.badRequest("bad_frame", "'answer' must be yes, not_really or skip."));
    }
    String conversationId = careLeaver.id();
    return chat.postIf(
            conversationId,
            conv -> {
              if (conv.status() != ConversationStatus.RESOLVED || conv.episode() != episode) {
                throw HarbourException.badRequest("not_resolved", "That chat is not resolved, or that was not its latest episode.");
              }
              return List.of(new Message(conversationId, 0, episode, MessageKind.SYSTEM, TEXTS.get(answer), careLeaver.id(), careLeaver.role(),
                  careLeaver.displayName(), clientId(episode), clock.instant(), null, new ConversationEvent.Feedback(answer)));
            })
        .map(posted -> posted.get(0))
        .recover(e -> Future.failedFuture(e instanceof MessageRepository.DuplicateMessageException
            ? HarbourException.conflict("already_answered", "You have already answered that question.")
            : e));
  }

  static String clientId(int episode) {
    return "feedback:" + episode;
  }
}
