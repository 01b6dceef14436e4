package uk.harbour.routing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.web.PlainEnglish;

/**
 * Delivers the ladder's alerts and follows up those no console confirms receiving
 * ({@link AlertReceipts}): each goes on to everyone else on shift with Harbour open, who are waited
 * for in turn, and with nobody left it is an alert nobody saw, as if nobody had Harbour open:
 * logged, counted, and the young person told honestly once in the wait.
 */
final class ConfirmedAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedAlerts.class);

  /**
   * The wait an unconfirmed alert was about, still unanswered, who else on shift has Harbour open,
   * and the record of passing it on to them (null when nobody else has).
   */
  private record StillWaiting(Instant since, Set<String> others, Message passedOn) {}

  private final ConversationPosts chat;
  private final ChatDelivery delivery;
  private final RotaNow rota;
  private final RoutingTexts texts;
  private final AlertAudience audience;
  private final AlertReceipts receipts;
  private final UnseenAlerts unseen;
  private final StaffDirectory staff;

  ConfirmedAlerts(ConversationPosts chat, ChatDelivery delivery, RotaNow rota, RoutingTexts texts, AlertAudience audience, AlertReceipts receipts,
      UnseenAlerts unseen, StaffDirectory staff) {
    this.chat = Objects.requireNonNull(chat);
    this.delivery = Objects.requireNonNull(delivery);
    this.rota = Objects.requireNonNull(rota);
    this.texts = Objects.requireNonNull(texts);
    this.audience = Objects.requireNonNull(audience);
    this.receipts = Objects.requireNonNull(receipts);
    this.unseen = Objects.requireNonNull(unseen);
    this.staff = Objects.requireNonNull(staff);
  }

  /**
   * To the people it names; a stored one counted as seen waits for a receipt from one of them
   * (waited for before it goes, so no receipt can come first).
   */
  void deliver(Message alert) {
    if (alert.seq() > 0 && alert.event() instanceof ConversationEvent.Escalated escalated && escalated.to() != null) {
      Set<String> open = escalated.to().stream().filter(audience::open).collect(Collectors.toCollection(LinkedHashSet::new));
      if (!open.isEmpty()) {
        receipts.expect(alert, open, this::unconfirmed);
      }
    }
    delivery.alert(alert);
  }

  /**
   * Nobody it went to confirmed receiving {@code alert} (screens asleep, connections lost but not
   * yet found dead): followed up while it is still the wait's latest alert and nobody has said
   * "I've got this" or replied. Passing it on is recorded in the conversation first, so those it
   * goes on to may open it, as if the alert had named them.
   */
  private void unconfirmed(Message alert, Set<String> from, Instant now) {
    // Decided in the conversation's chain, possibly more than once (a seq clash decides again):
    // what it chose is acted on only once it is stored.
    AtomicReference<Optional<StillWaiting>> decided = new AtomicReference<>(Optional.empty());
    chat.postIf(alert.conversationId(), c -> {
          decided.set(Optional.empty());
          if (!c.awaitingReply() || c.acknowledgedBy() != null || !alert.createdAt().equals(c.escalatedAt())) {
            return List.<Message>of(); // answered, taken on, or a later alert went out (waited for itself)
          }
          Set<String> told = new LinkedHashSet<>(from);
          if (alert.event() instanceof ConversationEvent.Escalated escalated && escalated.to() != null) {
            told.addAll(escalated.to());
          }
          Set<String> others = audience.othersOpen(c, rota.at(now), told);
          Message passedOn = others.isEmpty() ? null : passedOn(c, alert, from, others, now);
          decided.set(Optional.of(new StillWaiting(c.waitingSince(), others, passedOn)));
          if (passedOn != null) {
            return List.of(passedOn);
          }
          return unseen.toldInThisWait(c)
              ? List.<Message>of()
              : List.of(texts.system(c.id(), MessageKind.AUTO_REPLY, texts.nobodyOnline(c.careLeaverName()), now, null));
        })
        .onSuccess(posted -> decided.get().ifPresent(waiting -> followUp(alert, from, waiting, posted.stream().anyMatch(m -> m.kind() == MessageKind.AUTO_REPLY))))
        .onFailure(e -> {
          LOG.error("Alert for conversation {} was not confirmed received by {}, and routing could not record what it did about that", alert.conversationId(), from, e);
          // Telling more people than needed is better than telling nobody.
          decided.get().filter(waiting -> !waiting.others().isEmpty()).ifPresent(waiting -> followUp(alert, from, waiting, false));
        });
  }

  private Message passedOn(Conversation c, Message alert, Set<String> from, Set<String> others, Instant now) {
    int level = alert.event() instanceof ConversationEvent.Escalated escalated && escalated.level() != null ? escalated.level() : c.escalationLevel();
    String name = c.careLeaverName() == null ? "the care leaver" : c.careLeaverName();
    String text = "Nobody confirmed alert " + level + " on their screen within " + PlainEnglish.count(receipts.waitFor().toSeconds(), "second")
        + " (sent to " + names(from) + "). Passed on to " + names(others) + ": please check on " + name + " now.";
    return texts.system(c.id(), MessageKind.ALERT, text, now, new ConversationEvent.AlertPassedOn(alert.seq(), List.copyOf(from), List.copyOf(others)));
  }

  private String names(Set<String> usernames) {
    return String.join(", ", usernames.stream().map(staff::displayName).toList());
  }

  /** Sends an alert nobody confirmed on to others, or with nobody left, counts it unseen ({@code toldYoungPerson}: the honest reply went). */
  private void followUp(Message alert, Set<String> from, StillWaiting waiting, boolean toldYoungPerson) {
    long seconds = receipts.waitFor().toSeconds();
    Set<String> others = waiting.others();
    if (!others.isEmpty()) {
      LOG.warn("Alert for conversation {} was not confirmed received by {} within {} s; sent on to {}", alert.conversationId(), from, seconds, others);
      receipts.expect(alert, others, this::unconfirmed);
      delivery.alertPassedOn(alert, waiting.passedOn());
      return;
    }
    unseen.counted();
    LOG.error("Alert for conversation {} reached nobody: none of {} confirmed receiving it within {} s (a screen asleep or a connection lost)",
        alert.conversationId(), from, seconds);
    if (toldYoungPerson) {
      unseen.tell(alert.conversationId(), waiting.since());
    }
  }
}
