package uk.harbour.routing;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.chat.StaffPresence;
import uk.harbour.routing.AlertAudience.Audience;
import uk.harbour.routing.AlertLadder.Reach;
import uk.harbour.rota.OnCall;
import uk.harbour.web.PlainEnglish;

/**
 * The escalation ladder: when a care leaver has waited longer than the SLA (shorter when urgent),
 * alert the next rung (the shift's backup, then its duty manager), and keep alerting every rung
 * reached so far until someone acknowledges or replies. Each step is a staff-only message in the
 * conversation, so the ladder's position survives a restart and is there for managers to review.
 * An alert nobody with Harbour open can see ({@link AlertAudience}) is logged as an ERROR and
 * counted, for whoever watches the service, and at the first alert of a wait the young person is
 * told honestly that nobody is online, with the help that is always there. So is one that no
 * console it went to confirms receiving ({@link AlertReceipts}), once it has gone on to anyone
 * else on shift with Harbour open and none of them confirmed it either.
 */
public final class Escalations {

  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

  private final ConversationPosts chat;
  private final RotaNow rota;
  private final StaffDirectory staff;
  private final RoutingTexts texts;
  private final RoutingSettings settings;
  private final AlertAudience audience;
  private final AlertClock clock;
  private final ConfirmedAlerts alerts;
  private final UnseenAlerts unseen = new UnseenAlerts();
  /** When each stuck conversation's unrecorded alert last went out, and the level it reached ({@link #alertUnrecorded}). */
  private final Map<String, Unrecorded> unrecorded = new ConcurrentHashMap<>();

  private record Unrecorded(Instant at, int level) {}

  public Escalations(
      ConversationPosts chat,
      ChatDelivery delivery,
      RotaNow rota,
      StaffPresence presence,
      StaffDirectory staff,
      RoutingTexts texts,
      RoutingSettings settings,
      AlertReceipts receipts) {
    this.chat = Objects.requireNonNull(chat);
    this.rota = Objects.requireNonNull(rota);
    this.staff = Objects.requireNonNull(staff);
    this.texts = Objects.requireNonNull(texts);
    this.settings = Objects.requireNonNull(settings);
    this.audience = new AlertAudience(presence, staff);
    this.clock = new AlertClock(rota, settings);
    this.alerts = new ConfirmedAlerts(chat, delivery, rota, texts, audience, receipts, unseen, staff);
  }

  /** Alerts so far that nobody on shift saw: nobody had Harbour open, or no console confirmed receiving it (a metric). */
  public long unseen() {
    return unseen.count();
  }

  /** Sends the next alert if it is due at {@code now} (exactly at the SLA counts as due). */
  public Future<List<Message>> check(Conversation conv, Instant now) {
    if (!clock.dueAt(conv, now)) {
      unrecorded.remove(conv.id());
      return Future.succeededFuture(List.of());
    }
    return postAndDeliver(conv.id(), c -> {
          Instant at = asLateAsUnrecorded(c, now);
          if (!clock.dueAt(c, at)) {
            return List.<Message>of();
          }
          // The risk alert could not go to anyone when the risk was noticed: it goes to the first people on.
          return clock.riskWaitedForWork(c, at) ? riskAlert(c, at).map(List::of).orElse(List.of()) : alert(c, at);
        })
        .onSuccess(posted -> unrecorded.remove(conv.id())); // its chain moves again: the ladder is stored as usual
  }

  /**
   * Posts the alerts {@code decide} chooses and delivers them once stored. An alert the store
   * failed after it was applied (the commit or the store's answer failed) is in the conversation's
   * ladder already, which would count it as sent: it is delivered all the same, with an ERROR. One
   * refused before it was applied is told as unrecorded by routing ({@link #alertUnrecorded}).
   */
  private Future<List<Message>> postAndDeliver(String conversationId, Function<Conversation, List<Message>> decide) {
    AtomicReference<List<Message>> decided = new AtomicReference<>(List.of());
    return chat.postIf(conversationId, c -> {
          List<Message> alerts = decide.apply(c);
          decided.set(alerts);
          return alerts;
        })
        .onSuccess(posted -> posted.forEach(alerts::deliver))
        .onFailure(e -> deliverIfApplied(conversationId, decided.get(), e));
  }

  private void deliverIfApplied(String conversationId, List<Message> decided, Throwable failure) {
    Instant ladderAt = chat.peek(conversationId).map(Conversation::escalatedAt).orElse(null);
    List<Message> applied = decided.stream().filter(m -> m.event() instanceof ConversationEvent.Escalated && m.createdAt().equals(ladderAt)).toList();
    if (!applied.isEmpty()) {
      LOG.error("Alert for conversation {} was applied but could not be confirmed stored; delivered all the same", conversationId, failure);
      applied.forEach(alerts::deliver);
    }
  }

  /**
   * Alerts at once, for risk noticed in a young person's words: whoever has the conversation, the
   * on-call advisers and every rung of the ladder (backup, duty manager) together. The ladder then
   * repeats as usual until someone acknowledges or replies. Nothing when nobody is at work.
   */
  public Future<List<Message>> alertNow(String conversationId, Instant now) {
    return postAndDeliver(conversationId, c -> c.awaitingReply() ? riskAlert(c, now).map(List::of).orElseGet(() -> nobodyAtWork(c, now)) : List.of());
  }

  /**
   * For a conversation routing could not check because its ordered chain is stuck, so no alert can
   * be stored in it: when one is due, the people it would reach are told in their consoles all the
   * same, that Harbour could not record it, at most once per {@code routing.repeatMinutes}. Nothing
   * can be stored, so the rung reached is kept here instead, and each repeat climbs one more, as a
   * stored ladder would: a stuck conversation still reaches the duty manager. The first check that
   * gets through goes on from the stored ladder as usual.
   */
  public void alertUnrecorded(Conversation conv, Instant now) {
    Unrecorded last = unrecorded.get(conv.id());
    if (!clock.dueAt(conv, now) || (last != null && now.isBefore(last.at().plus(settings.repeat())))) {
      return;
    }
    int from = last == null ? conv.escalationLevel() : Math.max(conv.escalationLevel(), last.level());
    OnCall onCall = rota.at(now);
    Reach reach = working(conv, AlertLadder.reach(conv, from, onCall, settings.ladder()), onCall);
    if (nobodyWorking(reach, onCall)) {
      return; // the care leaver has had the honest reply
    }
    Audience told = told(conv, reach, onCall);
    long waited = Duration.between(conv.waitingSince(), now).toMinutes();
    String text = name(conv) + " has waited " + PlainEnglish.count(waited, "minute")
        + " for a reply, and Harbour cannot record anything in their conversation just now. Please check on them now.";
    unrecorded.put(conv.id(), new Unrecorded(now, reach.level()));
    alerts.deliver(texts.system(conv.id(), MessageKind.ALERT, text, now,
        new ConversationEvent.Escalated(reach.level(), reach.rungs(), List.copyOf(told.to()), waited)));
  }

  /**
   * A risk alert with nobody at work to give it to: nothing is recorded (the first people on get it,
   * see {@link #dueAt}), but whoever watches the service is told now, as for an alert nobody saw.
   */
  private List<Message> nobodyAtWork(Conversation conv, Instant now) {
    unseen.counted();
    LOG.error("Risk alert for conversation {} reached nobody: nobody is at work to alert (no shift, no office hours); the next person on, at {}, gets it",
        conv.id(), rota.nextStaffed(now).map(Instant::toString).orElse("no time in the rota's next two weeks"));
    return List.of();
  }

  private Optional<Message> riskAlert(Conversation conv, Instant now) {
    OnCall onCall = rota.at(now);
    Reach reach = working(conv, AlertLadder.reachAll(conv, onCall, settings.ladder()), onCall);
    if (nobodyWorking(reach, onCall)) {
      return Optional.empty();
    }
    Audience told = told(conv, reach, onCall);
    String text = name(conv) + "'s message may show they are at risk. Alert " + reach.level() + " sent to "
        + names(told) + ": please check on them now.";
    long waited = Duration.between(conv.waitingSince(), now).toMinutes();
    return Optional.of(texts.system(conv.id(), MessageKind.ALERT, text, now,
        new ConversationEvent.Escalated(reach.level(), reach.rungs(), List.copyOf(told.to()), waited, "risk")));
  }

  private Reach working(Conversation conv, Reach reach, OnCall onCall) {
    return new Reach(reach.level(), reach.rungs(), audience.atWork(conv, reach.to(), onCall));
  }

  /**
   * Nobody named and nobody at work (no shift, no office hours): nothing to record. In office hours
   * someone should be there, so an alert that can name nobody (not even a manager) goes ahead as one
   * nobody sees: logged, counted and told to the young person.
   */
  private static boolean nobodyWorking(Reach reach, OnCall onCall) {
    return reach.to().isEmpty() && !onCall.officeHours();
  }

  /**
   * The next alert, and at the first of a wait that nobody online can see, the honest line to the
   * young person; nothing when there is nobody at work to alert (no shift and no office hours).
   */
  private List<Message> alert(Conversation conv, Instant now) {
    OnCall onCall = rota.at(now);
    Reach reach = working(conv, AlertLadder.reach(conv, climbedTo(conv), onCall, settings.ladder()), onCall);
    if (nobodyWorking(reach, onCall)) {
      // The care leaver has had the honest reply, and the morning handover follows.
      return List.of();
    }
    Audience told = told(conv, reach, onCall);
    long waited = Duration.between(conv.waitingSince(), now).toMinutes();
    // Still flagged: whoever missed the risk alert must not read its repeats as an ordinary wait.
    boolean atRisk = conv.risk().flagged();
    String text = name(conv) + " has waited " + PlainEnglish.count(waited, "minute") + " for a reply" + sinceAcknowledged(conv, now)
        + (atRisk ? ", and their messages may show they are at risk" : "") + ". Alert " + reach.level() + " sent to " + names(told) + ".";
    Message alert = texts.system(
        conv.id(), MessageKind.ALERT, text, now,
        new ConversationEvent.Escalated(reach.level(), reach.rungs(), List.copyOf(told.to()), waited, atRisk ? "risk" : null));
    // Once a wait, at its first alert nobody saw: a first alert that looked seen (a console that
    // closed just after) does not leave the young person untold when the next reaches nobody.
    if (told.seen() || !unseen.tell(conv.id(), conv.waitingSince())) {
      return List.of(alert);
    }
    return List.of(alert, texts.system(conv.id(), MessageKind.AUTO_REPLY, texts.nobodyOnline(conv.careLeaverName()), now, null));
  }

  /** Why alerts start again after "I've got this": nobody has replied since. */
  private String sinceAcknowledged(Conversation conv, Instant now) {
    if (conv.acknowledgedBy() == null) {
      return "";
    }
    long since = Duration.between(AlertClock.acknowledgedAt(conv), now).toMinutes();
    String who = staff.displayName(conv.acknowledgedBy());
    if (!staff.mayWork(conv.acknowledgedBy())) {
      // Early, and the reader should know why: otherwise it reads as a lapse that came too soon.
      String when = since == 0 ? "just now" : PlainEnglish.count(since, "minute") + " ago";
      return ", and " + who + ", who said \"I've got this\" " + when + ", can no longer reply (account disabled)";
    }
    return ", and nobody has replied in the " + PlainEnglish.count(since, "minute") + " since " + who + " said \"I've got this\"";
  }

  /** Who the alert reaches in fact; when nobody with Harbour open, an ERROR for whoever watches the service. */
  private Audience told(Conversation conv, Reach reach, OnCall onCall) {
    Audience told = audience.of(conv, reach.to(), onCall);
    if (!told.seen()) {
      unseen.counted();
      LOG.error("Alert {} for conversation {} reached nobody: none of {} nor anyone else on shift has Harbour open", reach.level(), conv.id(), told.to());
    }
    return told;
  }

  private String names(Audience told) {
    return told.to().isEmpty() ? "nobody (nobody it could go to is at work)" : String.join(", ", told.to().stream().map(staff::displayName).toList());
  }

  /**
   * Where the next alert climbs from. After alerts went out while nothing could be stored, the first
   * stored one records the rung they reached (so it climbs from the one below), rather than
   * climbing past it at once.
   */
  private int climbedTo(Conversation conv) {
    Unrecorded last = unrecorded.get(conv.id());
    return last == null ? conv.escalationLevel() : Math.max(conv.escalationLevel(), last.level() - 1);
  }

  /**
   * The step held by a stuck chain runs when it moves, with the time its sweep began; the alert it
   * stores stands for the unrecorded ones since, so it takes the last one's time, and the ladder's
   * next repeat is counted from then.
   */
  private Instant asLateAsUnrecorded(Conversation conv, Instant now) {
    Unrecorded last = unrecorded.get(conv.id());
    return last == null || now.isAfter(last.at()) ? now : last.at();
  }

  private static String name(Conversation conv) {
    return conv.careLeaverName() == null ? "The care leaver" : conv.careLeaverName();
  }
}
