package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.chat.StaffPresence;
import uk.harbour.rota.OnCall;
import uk.harbour.rota.RotaEngine;
import uk.harbour.routing.Assignment.Assign;
import uk.harbour.routing.Assignment.Decision;
import uk.harbour.routing.Assignment.Wait;

/**
 * Gives waiting conversations to the right adviser and moves them on when that adviser goes off
 * shift or offline. Every decision runs inside the conversation's ordered chain (so it sees the
 * state it changes) and is recorded as a message, so the conversation's fold — and a restart —
 * knows who has it.
 */
public final class ConversationAssigner {

  /** Parts of a shift, in order ({@link #partOfShift}). */
  private static final int OFF_SHIFT = 0;
  private static final int BACKUP = 1;
  private static final int ON_CALL = 2;

  private final ConversationPosts chat;
  private final RotaNow rota;
  private final StaffPresence presence;
  private final StaffDirectory staff;
  private final HelpOpenNow help;
  private final RoutingTexts texts;
  private final RoutingSettings settings;
  private final Clock clock;
  /** The part of the shift ({@link #partOfShift}) an adviser had when given a conversation: asked every sweep, answered once. */
  private final Map<String, Integer> partThen = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile RotaEngine partThenEngine;
  /** Advisers' loads and the chat's assignment count they were taken at: a queued message need not rescan. */
  private volatile CountedLoads loads = new CountedLoads(-1, null);
  private final PendingAssignments pending;

  private record CountedLoads(long at, AdviserLoads.Counts counts) {}

  public ConversationAssigner(
      ConversationPosts chat,
      RotaNow rota,
      StaffPresence presence,
      StaffDirectory staff,
      HelpOpenNow help,
      RoutingTexts texts,
      RoutingSettings settings,
      Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.rota = Objects.requireNonNull(rota);
    this.presence = Objects.requireNonNull(presence);
    this.staff = Objects.requireNonNull(staff);
    this.help = Objects.requireNonNull(help);
    this.texts = Objects.requireNonNull(texts);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
    this.pending = new PendingAssignments(chat);
  }

  /**
   * Assigns a conversation in the queue ({@link #inQueue}) to the first adviser free, or sends a
   * young person waiting for a reply the honest auto-reply once per episode.
   */
  public Future<List<Message>> route(String conversationId) {
    Instant now = clock.instant();
    return chat.conversation(conversationId)
        .compose(
            conv -> {
              if (!inQueue(conv) || (!mayAutoReply(conv) && !anyoneFree(conv, now))) {
                // Nothing to decide: the common case while a care leaver writes and waits, kept cheap.
                return Future.succeededFuture(List.<Message>of());
              }
              // The auto-reply check first: choose() scans every conversation, and most messages come after it.
              boolean mayWait = mayAutoReply(conv) && choose(conv, now, Set.of()) instanceof Wait;
              return staff.ensure(people(conv, now))
                  .compose(v -> mayWait ? helpFor(conv, now) : Future.succeededFuture(List.<JsonObject>of()))
                  .compose(cards -> chat.postIf(conversationId, c -> inQueue(c) ? decideNew(c, now, cards) : List.of())
                      .andThen(stored -> pending.done(conversationId)));
            });
  }

  /**
   * A resolved conversation staff handed to someone, reopened by the young person: it stays with
   * them while they are on call (or the own PA in office hours); otherwise it is handed on as at a
   * shift's end, so a young person writing at night is not left with someone who is not at work.
   */
  public Future<List<Message>> reopened(String conversationId) {
    Instant now = clock.instant();
    return chat.conversation(conversationId).compose(conv -> {
      String holder = conv.assignedTo();
      if (holder == null) {
        return route(conversationId);
      }
      return partOfShift(rota.at(now), holder, conv, staff.mayWork(holder)) == ON_CALL
          ? Future.succeededFuture(List.<Message>of())
          : moveOn(conv, holder, now, "off_shift");
    });
  }

  /**
   * Moves an assigned conversation on if its adviser's account is disabled (at once, answered or
   * not: they will not be back), if they are off shift, or offline while it waits.
   */
  public Future<List<Message>> checkAssigned(Conversation conv, Instant now, boolean offlineChecks) {
    String adviser = conv.assignedTo();
    if (adviser == null || conv.status() == ConversationStatus.RESOLVED) {
      return Future.succeededFuture(List.of());
    }
    if (!staff.mayWork(adviser)) {
      return moveOn(conv, adviser, now, "disabled");
    }
    if (shiftEnded(adviser, conv, now)) {
      return moveOn(conv, adviser, now, "shift_end");
    }
    boolean dropped = offlineChecks && conv.awaitingReply() && !canTakeWork(adviser, now)
        && presence.of(adviser).map(s -> s.connections() == 0).orElse(true);
    return dropped ? moveOn(conv, adviser, now, "offline") : Future.succeededFuture(List.of());
  }

  /** Hands the conversation over (if that adviser still has it), then routes it if nobody took it. */
  private Future<List<Message>> moveOn(Conversation conv, String adviser, Instant now, String reason) {
    return staff.ensure(people(conv, now))
        .compose(v -> chat.postIf(conv.id(), c -> Objects.equals(c.assignedTo(), adviser) ? handOver(c, adviser, now, reason) : List.of())
            .andThen(stored -> pending.done(conv.id())))
        .compose(posted -> route(conv.id()).map(posted));
  }

  /** Everyone a routing message about this conversation may name. */
  private List<String> people(Conversation conv, Instant now) {
    List<String> names = new ArrayList<>(rota.at(now).onCall());
    names.add(conv.paUsername());
    names.add(conv.assignedTo());
    return names;
  }

  /**
   * The adviser's shift has ended: they hold the conversation in a smaller part of the rota than
   * when they took it (on call then, backup or off shift now; the backup then, off shift now).
   * Someone who took it while off shift (a PA working late, a volunteer) keeps it.
   */
  private boolean shiftEnded(String adviser, Conversation conv, Instant now) {
    int part = partOfShift(rota.at(now), adviser, conv, staff.mayWork(adviser));
    Instant since = conv.assignedAt();
    if (part == ON_CALL || since == null) {
      return false;
    }
    String key = conv.id() + '\u0000' + adviser + '\u0000' + since;
    RotaEngine engine = rota.engine();
    if (partThenEngine != engine || partThen.size() > 10_000) {
      partThen.clear();
      partThenEngine = engine;
    }
    return part < partThen.computeIfAbsent(key, k -> partOfShift(engine.onCallAt(since), adviser, conv, true));
  }

  /**
   * On call (or the own PA in office hours), the shift's backup (who holds a conversation only by
   * taking it: "I've got this", a transfer), or neither.
   */
  private static int partOfShift(OnCall onCall, String adviser, Conversation conv, boolean mayWork) {
    if (onCall.onCall().contains(adviser) || (onCall.officeHours() && adviser.equals(conv.paUsername()) && mayWork)) {
      return ON_CALL;
    }
    return onCall.backup().contains(adviser) ? BACKUP : OFF_SHIFT;
  }

  /** May be given new work now: not disabled, and available (or only just dropped off while available). */
  private boolean canTakeWork(String adviser, Instant now) {
    return staff.mayWork(adviser) && presence.canTakeWork(adviser, now, settings.disconnectGrace());
  }

  private List<Message> decideNew(Conversation conv, Instant now, List<JsonObject> cards) {
    Decision decision = decide(conv, now, Set.of());
    if (decision instanceof Assign assign) {
      String firstName = staff.firstName(assign.adviser());
      return List.of(
          texts.system(conv.id(), MessageKind.SYSTEM, conv.awaitingReply() ? texts.assigned(assign, firstName) : texts.pickedUp(assign, firstName), now,
              new ConversationEvent.Assigned(assign.adviser(), assign.why().name().toLowerCase())));
    }
    if (!mayAutoReply(conv)) {
      return List.of();
    }
    Wait wait = (Wait) decision;
    Optional<Instant> next = wait.reason() == Assignment.WaitReason.NOBODY_ON_SHIFT ? rota.nextStaffed(now) : Optional.of(now);
    // Crisis help already came with the kind line when the young person's words showed risk.
    List<JsonObject> shown = conv.safetyRepliedThisEpisode() ? List.of() : cards;
    List<Message> out = new ArrayList<>();
    out.add(
        texts.system(conv.id(), MessageKind.AUTO_REPLY, texts.autoReply(conv.careLeaverName(), wait.reason(), next, now, !shown.isEmpty()), now,
            new ConversationEvent.AutoReply(wait.reason().name().toLowerCase(), next.orElse(null))));
    for (JsonObject card : shown) {
      out.add(texts.card(conv.id(), card, now));
    }
    return out;
  }

  /** The handover note goes with the conversation; then the next adviser, or the queue. */
  private List<Message> handOver(Conversation conv, String from, Instant now, String reason) {
    List<Message> out = new ArrayList<>();
    if (conv.lastNote() != null && from.equals(conv.lastNoteBy())) {
      out.add(texts.system(conv.id(), MessageKind.NOTE, "Handover note from " + staff.displayName(from) + ": " + conv.lastNote(), now, null));
    }
    Decision decision = decide(conv, now, Set.of(from));
    String fromName = staff.firstName(from);
    if (decision instanceof Assign assign) {
      out.add(
          texts.system(conv.id(), MessageKind.SYSTEM, texts.handedOver(fromName, reason, staff.firstName(assign.adviser())), now,
              ConversationEvent.Transferred.handedOver(assign.adviser(), from, reason)));
    } else {
      out.add(
          texts.system(conv.id(), MessageKind.SYSTEM, texts.handedOver(fromName, reason, null), now,
              new ConversationEvent.Unassigned(from, reason)));
    }
    return out;
  }

  /** Whether anyone on shift could take work now (a handful of presence look-ups, no scan). */
  private boolean anyoneFree(Conversation conv, Instant now) {
    OnCall onCall = rota.at(now);
    String pa = conv.paUsername();
    boolean paOnShift = pa != null && (onCall.officeHours() || onCall.onCall().contains(pa));
    return (paOnShift && canTakeWork(pa, now)) || onCall.onCall().stream().anyMatch(a -> canTakeWork(a, now));
  }

  /** Counts again only after an assignment changed; the number is read first, so a change during a count is counted next time. */
  private AdviserLoads.Counts counts() {
    long changes = chat.assignmentChanges();
    CountedLoads held = loads;
    if (held.at() != changes) {
      held = new CountedLoads(changes, AdviserLoads.count(chat.conversations()));
      loads = held;
    }
    return held.counts();
  }

  /** A choice that will be stored: made in turn with every other, and held as pending until its store is done. */
  private Decision decide(Conversation conv, Instant now, Set<String> exclude) {
    synchronized (pending.lock) {
      Decision decision = choose(conv, now, exclude);
      if (decision instanceof Assign assign) {
        pending.add(conv.id(), assign.adviser());
      }
      return decision;
    }
  }

  private Decision choose(Conversation conv, Instant now, Set<String> exclude) {
    Map<String, Integer> notStoredYet = pending.pendingByAdviser();
    AdviserLoads.Counts counts = PendingAssignments.with(counts(), notStoredYet, now);
    Assignment.Advisers advisers =
        new AdviserLoads(counts, a -> canTakeWork(a, now), rota.engine().rota()::capacityOf);
    return Assignment.choose(conv.paUsername(), rota.at(now), advisers, exclude);
  }

  private Future<List<JsonObject>> helpFor(Conversation conv, Instant now) {
    if (settings.autoReplyCards() == 0) {
      return Future.succeededFuture(List.of());
    }
    return help.cards(now, conv.id(), settings.autoReplyCards())
        // The reply must go out even if the catalogue cannot answer.
        .recover(e -> Future.succeededFuture(List.of()));
  }

  /**
   * Open and held by nobody: not yet picked up, or handed back when its adviser left with nobody to
   * take it (answered or not), for the first adviser free.
   */
  static boolean inQueue(Conversation conv) {
    return conv.status() != ConversationStatus.RESOLVED && conv.assignedTo() == null;
  }

  /** The honest auto-reply is for a young person waiting for a reply, once an episode. */
  private static boolean mayAutoReply(Conversation conv) {
    return conv.awaitingReply() && !conv.autoRepliedThisEpisode();
  }
}
