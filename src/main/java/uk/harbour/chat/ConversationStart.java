package uk.harbour.chat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.InTurn;
import uk.harbour.identity.CareLeaverRepository;

/**
 * How a node comes to hold the conversations it must ({@link ConversationLog}): at start, the
 * active ones, caught up with what the store has after their snapshots; after another node died,
 * whatever that node stored and never announced. Both ask the store about every conversation at
 * once, by the id of the message each would have next, and catch up only those found.
 */
final class ConversationStart {

  /** Under the chat log's name: "Chat ready with …" is the line operators look for. */
  private static final Logger LOG = LoggerFactory.getLogger(ConversationLog.class);
  /** Conversations caught up at once at start: each waits on the store twice, so their waits overlap. */
  static final int LANES = 8;

  private final ConversationLog log;
  private final ActiveMarks marks;
  private final MessageRepository messages;
  private final ConversationRepository snapshots;
  private final CareLeaverRepository careLeavers;

  ConversationStart(ConversationLog log, ActiveMarks marks, MessageRepository messages, ConversationRepository snapshots, CareLeaverRepository careLeavers) {
    this.log = Objects.requireNonNull(log);
    this.marks = Objects.requireNonNull(marks);
    this.messages = Objects.requireNonNull(messages);
    this.snapshots = Objects.requireNonNull(snapshots);
    this.careLeavers = Objects.requireNonNull(careLeavers);
  }

  /**
   * Loads the marked conversations ({@link ActiveConversationRepository}), so the queue and
   * routing are served from memory, and catches up those with a stored message after their
   * snapshot (a crash within moments of it) or with no snapshot at all. Which ones is asked of the
   * store for all of them at once, by the id of the message each would have next; those found are
   * caught up with their messages read in a few queries too ({@link ConversationLog#loadAll}).
   * Resolved history is not marked and rests in the store until someone opens it, so start-up
   * grows with the active conversations, not with the history.
   * Marks of conversations now resolved and quiet for {@link ActiveMarks#ACTIVE_FOR} are removed.
   */
  Future<Void> start() {
    return marks.read().compose(list -> list.isPresent() ? startFromMarks(list.get()) : startBuildingMarks());
  }

  private Future<Void> startFromMarks(List<ActiveConversationRepository.Mark> list) {
    List<String> ids = list.stream().map(ActiveConversationRepository.Mark::id).toList();
    return snapshots.find(ids)
        .compose(
            held -> {
              held.forEach(log::holdRestored);
              List<String> next = log.nextMessageIds();
              for (String id : ids) {
                if (!log.holds(id)) {
                  next.add(Message.id(id, 1));
                }
              }
              return messages.existing(next);
            })
        .compose(found -> log.loadAll(conversationIds(found), LANES).map(found))
        .compose(found -> marks.forgetQuiet(list, conversationIds(found), log::peek).map(quiet -> {
          // History now: dropped from memory too, so what is held stays what is active.
          quiet.forEach(log::forget);
          LOG.info("Chat ready with {} conversations in memory ({} caught up with messages after their snapshot, {} quiet ones left to rest)",
              log.heldCount(), found.size(), quiet.size());
          return null;
        }));
  }

  /**
   * A store from before the marks: loads every snapshot once, as Harbour did before, catches up
   * the same way (every care leaver's conversation id is their own id, so one without a snapshot
   * is found by its first message), then marks the active ones and keeps only those in memory, as
   * later starts load only those.
   */
  private Future<Void> startBuildingMarks() {
    Future<List<ConversationState>> held = snapshots.all();
    Future<List<String>> careLeaverIds = careLeavers.allIds();
    return Future.all(held, careLeaverIds)
        .compose(
            both -> {
              held.result().forEach(log::holdRestored);
              List<String> next = log.nextMessageIds();
              for (String person : careLeaverIds.result()) {
                if (!log.holds(person)) {
                  next.add(Message.id(person, 1));
                }
              }
              return messages.existing(next);
            })
        .compose(found -> log.loadAll(conversationIds(found), LANES).map(found))
        .compose(found -> {
          Set<String> active = conversationIds(found);
          Instant now = marks.now();
          log.conversations().stream().filter(conv -> ActiveMarks.active(conv, now)).forEach(conv -> active.add(conv.id()));
          List<String> unique = List.copyOf(active);
          return marks.build(unique).map(v -> {
            // The rest is history: dropped from memory, as a later start would never load it.
            log.keepOnly(active);
            LOG.info("Chat ready with {} conversations in memory ({} caught up with messages after their snapshot, {} marked active on this first start)",
                log.heldCount(), found.size(), unique.size());
            return null;
          });
        });
  }


  /**
   * Catches up every conversation held or marked active with a stored message after what this node
   * holds, found with a few queries for all of them at once: after another node died, the messages it stored last may
   * never have been announced here. One that cannot be read now is logged (an ERROR) and left to its next change.
   */
  Future<Void> catchUpWithStore() {
    return marks.read()
        .compose(list -> {
          // Marked by another node and never announced here: found by their first message, then loaded.
          List<String> next = log.nextMessageIds();
          list.orElse(List.of()).forEach(mark -> {
            if (!log.holds(mark.id())) {
              next.add(Message.id(mark.id(), 1));
            }
          });
          return messages.existing(next);
        })
        .compose(found -> InTurn.forEach(found, id -> log.inOrder(Message.conversationOf(id), conv -> log.catchUp(conv).map(conv))
            .recover(e -> {
              // Its wait may be one nobody here knows of: someone should look rather than wait for its next message.
              LOG.error("Conversation {} could not be caught up with the store; what another node stored last may be unknown here", Message.conversationOf(id), e);
              return Future.succeededFuture();
            })));
  }

  private static Set<String> conversationIds(Set<String> messageIds) {
    Set<String> ids = new HashSet<>();
    messageIds.forEach(id -> ids.add(Message.conversationOf(id)));
    return ids;
  }
}
