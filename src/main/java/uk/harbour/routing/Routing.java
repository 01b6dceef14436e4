package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.Bounded;
import uk.harbour.async.InTurn;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;

/**
 * Rota-aware routing as one service: routes each care leaver's message as it is stored, and a
 * periodic sweep (also run once at start, which rebuilds every pending escalation from the stored
 * conversations) hands over at shift ends, escalates long waits, gives queued conversations to
 * advisers who become free and makes the morning's handover items.
 */
public final class Routing {

  private static final Logger LOG = LoggerFactory.getLogger(Routing.class);
  private static final Duration NAMES_REFRESH = Duration.ofMinutes(1);

  private final ConversationPosts chat;
  private final ChatDelivery delivery;
  private final ConversationAssigner assigner;
  private final Escalations escalations;
  private final RiskResponse risk;
  private final DayHandover dayHandover;
  private final OnCallView view;
  private final ShiftAnnouncer shifts;
  private final StaffDirectory staff;
  private final Duration grace;
  /** How long the sweep waits on one conversation; a stuck one must not stop routing for everyone. */
  private final Duration stepLimit;
  /**
   * Conversations whose last step outlived the step limit and has not finished: while it has not,
   * later sweeps do not queue another behind it, which would pile a step per sweep into the stuck
   * chain, every one of them to run at once, on old times, when it moves.
   */
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final Vertx vertx;
  private final Clock clock;
  private volatile Instant startedAt;
  private Instant namesAt;
  private final SweepTurns sweeps = new SweepTurns(this::sweepNow);

  public Routing(
      ConversationPosts chat,
      ChatDelivery delivery,
      ConversationAssigner assigner,
      Escalations escalations,
      RiskResponse risk,
      DayHandover dayHandover,
      OnCallView view,
      StaffDirectory staff,
      Duration grace,
      Duration stepLimit,
      Vertx vertx,
      Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.delivery = Objects.requireNonNull(delivery);
    this.assigner = Objects.requireNonNull(assigner);
    this.escalations = Objects.requireNonNull(escalations);
    this.risk = Objects.requireNonNull(risk);
    this.dayHandover = Objects.requireNonNull(dayHandover);
    this.view = Objects.requireNonNull(view);
    this.shifts = new ShiftAnnouncer(view, delivery);
    this.staff = Objects.requireNonNull(staff);
    this.grace = Objects.requireNonNull(grace);
    this.stepLimit = Objects.requireNonNull(stepLimit);
    this.vertx = Objects.requireNonNull(vertx);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Starts listening. Every conversation is up to date with its stored messages by now (the chat's
   * start catches up those whose snapshot was behind), so the first sweep sees every pending wait
   * without opening each conversation, which would read every one's recent messages.
   */
  public Future<Void> start() {
    startedAt = clock.instant();
    chat.onStored(this::onStored);
    return staff.refresh().onSuccess(v -> namesAt = startedAt);
  }

  /**
   * This node has just taken routing over from another (clustered mode): catch every conversation
   * up with the store first, as the last holder may have stored messages nobody announced here
   * before it died, so the first sweep sees every wait. Before {@link #start} there is nothing to
   * do: start catches up anyway. A catch-up still running after {@code routing.stepLimitSeconds}
   * is logged and routing runs all the same: the sweep tells the staff of any conversation it then
   * cannot check.
   */
  public Future<Void> takeOver() {
    if (startedAt == null) {
      return Future.succeededFuture();
    }
    // Bounded as a sweep step is: one conversation's stuck chain must not keep everyone from routing.
    return Bounded.within(vertx, stepLimit, chat.catchUpWithStore()).recover(e -> {
      if (!(e instanceof TimeoutException)) {
        return Future.failedFuture(e); // the lease tries the take-over again at its next renewal
      }
      LOG.error("Catching up with the store on taking routing over did not finish within {} s; routing runs all the same", stepLimit.toSeconds());
      return Future.succeededFuture();
    });
  }

  public OnCallView view() {
    return view;
  }

  /** Escalation alerts so far that nobody on shift saw: nobody had Harbour open, or no console confirmed receiving it. */
  public long unseenAlerts() {
    return escalations.unseen();
  }

  private void onStored(Message message) {
    if (message.fromCareLeaver()) {
      String id = message.conversationId();
      // Risk first: the kind line and crisis help come before the honest reply, which then leaves its cards out.
      risk.check(message).transform(checked -> {
        if (checked.failed()) {
          // Tried again already (RiskResponse.RETRIES): the words may be stored without their flag, urgency, kind line or alert.
          LOG.error("The risk response for conversation {} failed: check it now; routing goes on", id, checked.cause());
        }
        boolean held = reopenedHeld(message);
        return told(id, held ? assigner.reopened(id) : assigner.route(id)).onSuccess(posted -> {
          if (posted.isEmpty() && held) {
            // Nothing to route: it is still with whoever it was handed to, and the young person's
            // screen, which said "resolved", should say who has them now.
            delivery.onCall(id, view.forCareLeaver(id));
          }
        });
      });
    } else if (message.kind() == MessageKind.SYSTEM || message.kind() == MessageKind.TEXT) {
      // A staff reply (which takes an unassigned conversation), a resolve or a transfer changes
      // what the young person's status line must say.
      delivery.onCall(message.conversationId(), view.forCareLeaver(message.conversationId()));
    }
  }

  /**
   * One pass over every conversation; tests call it directly after moving the clock. A call while
   * a pass is running queues one more pass after it (never more than one), so no change is missed.
   */
  public Future<Void> sweep() {
    return sweeps.next();
  }

  /**
   * For a stop, before the store closes: the sweep running finishes the conversation it is
   * checking and checks no more, and none begins after it. Completes once it has ended. A sweep
   * left running met a closed store at every step, and told each conversation's staff that Harbour
   * could not record anything in it.
   */
  public Future<Void> stopSweeping() {
    return sweeps.stop();
  }

  private Future<Void> sweepNow() {
    if (startedAt == null) {
      // Not started yet (a rota seeded during start-up): the first sweep comes with start.
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    // Longest wait first, so a freed adviser takes the person who has waited longest. Sorted on
    // each wait's start read once: chains on other event loops change it meanwhile, and a key that
    // moves during a sort can make it throw.
    List<Conversation> all =
        chat.conversations().stream()
            .map(conv -> Map.entry(conv, Optional.ofNullable(conv.waitingSince()).orElse(Instant.MAX)))
            .sorted(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .toList();
    boolean afterGrace = !now.isBefore(startedAt.plus(grace));
    return refreshNames(now).onSuccess(v -> shifts.check(now))
        .recover(e -> {
          LOG.warn("Routing sweep could not refresh staff names", e);
          return Future.succeededFuture();
        })
        .compose(v -> InTurn.forEach(all, conv -> sweeps.stopping() ? Future.<Void>succeededFuture()
            : held.contains(conv.id()) ? stillHeld(conv, now) : boundedStep(conv, now, afterGrace)));
  }

  private Future<Void> boundedStep(Conversation conv, Instant now, boolean afterGrace) {
    Future<Void> step = sweepOne(conv, now, afterGrace);
    return Bounded.within(vertx, stepLimit, step).recover(e -> {
      if (e instanceof TimeoutException) {
        held.add(conv.id());
        step.onComplete(r -> held.remove(conv.id()));
        LOG.error("Routing could not finish checking conversation {} within {} s; the sweep went on without it", conv.id(), stepLimit.toSeconds());
        unrecordedAlert(conv, now);
      } else {
        // A store refusing writes fails every step at once: the ladder cannot be stored, so its people are told unrecorded.
        LOG.error("Routing could not check conversation {}: {}", conv.id(), e.getMessage(), e);
        unrecordedAlert(conv, now);
      }
      return Future.succeededFuture();
    });
  }

  /** Whether a step that outlived the step limit is still running for this conversation. */
  boolean stillChecking(String conversationId) {
    return held.contains(conversationId);
  }

  private Future<Void> stillHeld(Conversation conv, Instant now) {
    LOG.error("Routing still cannot check conversation {}: its last step has not finished", conv.id());
    unrecordedAlert(conv, now);
    return Future.succeededFuture();
  }

  /** Nothing can be stored in a stuck conversation while this lasts: someone must look, and its staff are told. */
  private void unrecordedAlert(Conversation conv, Instant now) {
    escalations.alertUnrecorded(chat.peek(conv.id()).orElse(conv), now);
  }

  private Future<Void> sweepOne(Conversation conv, Instant now, boolean afterGrace) {
    return assigner.checkAssigned(conv, now, afterGrace)
        .compose(moved -> escalations.check(conv, now))
        .compose(alerted -> dayHandover.check(conv, now))
        .compose(v -> ConversationAssigner.inQueue(conv) ? told(conv.id(), assigner.route(conv.id())) : Future.succeededFuture(List.of()))
        .mapEmpty();
  }

  private Future<Void> refreshNames(Instant now) {
    if (namesAt != null && Duration.between(namesAt, now).abs().compareTo(NAMES_REFRESH) < 0) {
      return Future.succeededFuture();
    }
    namesAt = now;
    return staff.refresh().recover(e -> Future.succeededFuture());
  }

  /** The young person's message reopened a resolved conversation that staff had handed to someone. */
  private boolean reopenedHeld(Message message) {
    return message.episode() > 1
        && chat.peek(message.conversationId()).filter(c -> c.assignedTo() != null && message.createdAt().equals(c.episodeStartedAt())).isPresent();
  }

  /** After a routing change the care leaver's screen learns who has them and their place in the queue. */
  private Future<List<Message>> told(String conversationId, Future<List<Message>> routed) {
    return routed.onSuccess(
        posted -> {
          if (!posted.isEmpty()) {
            delivery.onCall(conversationId, view.forCareLeaver(conversationId));
          }
        });
  }
}
