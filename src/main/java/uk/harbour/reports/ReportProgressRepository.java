package uk.harbour.reports;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each conversation's report watermark ({@code _id} the conversation id): the last seq folded into
 * the roll-ups and the latest episode's record, so a restart folds only the messages after it.
 */
public interface ReportProgressRepository {

  Future<Void> save(Collection<ConversationFold.Progress> progress);

  /** The progress stored for those of these conversations that have any, by conversation id. */
  Future<Map<String, ConversationFold.Progress>> find(List<String> conversationIds);

  /** When the reports were last known complete ({@link Completeness}); empty if never, or if the watermarks were lost. */
  Future<Optional<Instant>> completeAt();

  /** Records that the reports were complete at {@code at}. */
  Future<Void> complete(Instant at);
}
