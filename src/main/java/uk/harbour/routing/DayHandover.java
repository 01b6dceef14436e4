package uk.harbour.routing;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.rota.RotaEngine;

/**
 * At the start of the working day, every conversation with out-of-hours activity lands in the own
 * PA's queue as a handover item: what happened, its flags, and the signposting sent, so the known
 * worker follows up. An item is a staff-only message, so it is made once per morning even across
 * restarts. One for a PA whose account is disabled is the managers' (see {@link #readers}), also
 * when the account is disabled after the item was made: it is made again for them.
 */
public final class DayHandover {

  private static final Logger LOG = LoggerFactory.getLogger(DayHandover.class);
  /** Looking back further than this for the end of the last working day finds nothing useful. */
  private static final Duration LOOK_BACK = Duration.ofDays(5);

  private final ConversationPosts chat;
  private final ChatDelivery delivery;
  private final RotaNow rota;
  private final StaffDirectory staff;
  private final RoutingTexts texts;
  private final ZoneId zone;
  private volatile Stretch stretch;

  /** An out-of-hours stretch [from, to): the night or weekend just ended. */
  record Stretch(RotaEngine engine, Instant from, Instant to) {}

  public DayHandover(ConversationPosts chat, ChatDelivery delivery, RotaNow rota, StaffDirectory staff, RoutingTexts texts, ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
    this.chat = Objects.requireNonNull(chat);
    this.delivery = Objects.requireNonNull(delivery);
    this.rota = Objects.requireNonNull(rota);
    this.staff = Objects.requireNonNull(staff);
    this.texts = Objects.requireNonNull(texts);
  }

  /** The out-of-hours stretch that ended when the current office hours began; empty outside office hours. */
  Optional<Stretch> lastNight(Instant now) {
    RotaEngine engine = rota.engine();
    if (!engine.isOfficeHours(now)) {
      return Optional.empty();
    }
    Stretch known = stretch;
    // Office hours never cross midnight, so one working day's stretch holds for the rest of that date.
    if (known != null && known.engine() == engine && !now.isBefore(known.to())
        && known.to().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
      return Optional.of(known);
    }
    // Office hours are set in whole minutes, so walking minutes finds their edges exactly.
    Instant start = now.truncatedTo(ChronoUnit.MINUTES);
    Instant floor = now.minus(LOOK_BACK);
    while (start.isAfter(floor) && engine.isOfficeHours(start.minus(1, ChronoUnit.MINUTES))) {
      start = start.minus(1, ChronoUnit.MINUTES);
    }
    Instant end = start.minus(1, ChronoUnit.MINUTES);
    while (end.isAfter(floor) && !engine.isOfficeHours(end.minus(1, ChronoUnit.MINUTES))) {
      end = end.minus(1, ChronoUnit.MINUTES);
    }
    Stretch found = new Stretch(engine, end, start);
    stretch = found;
    return Optional.of(found);
  }

  /** Makes this morning's handover item for the conversation if it had out-of-hours activity. */
  public Future<List<Message>> check(Conversation conv, Instant now) {
    Optional<Stretch> night = lastNight(now);
    if (night.isEmpty() || !needsItem(conv, night.get())) {
      return Future.succeededFuture(List.of());
    }
    Stretch s = night.get();
    return chat.latest(conv.id(), 100)
        .compose(
            recent ->
                chat.postIf(conv.id(), c -> needsItem(c, s) ? List.of(item(c, recent, s, readers(c, now), now)) : List.of())
                    .map(
                        posted -> {
                          posted.forEach(m -> handedTo(m).forEach(reader -> delivery.handover(reader, m)));
                          return posted;
                        }));
  }

  private static List<String> handedTo(Message item) {
    ConversationEvent.PaHandover handover = (ConversationEvent.PaHandover) item.event();
    return handover.readers() == null ? List.of(handover.to()) : handover.readers();
  }

  /**
   * Who gets the item in their console: the own PA, or, when the PA's account is disabled, the
   * office-hours duty managers (or, with none on the rota, the young person's team's managers), whose job a new PA is.
   * The item is stored in the conversation either way.
   */
  private List<String> readers(Conversation conv, Instant now) {
    if (staff.mayWork(conv.paUsername())) {
      return List.of(conv.paUsername());
    }
    List<String> dutyManagers = rota.at(now).dutyManagers();
    List<String> readers = dutyManagers.isEmpty() ? staff.managersFor(conv.team()) : dutyManagers;
    if (readers.isEmpty()) {
      LOG.warn("Handover item for conversation {} reached nobody: the PA's account is disabled and there is no active manager", conv.id());
    }
    return readers;
  }

  private boolean needsItem(Conversation conv, Stretch s) {
    if (conv.paUsername() == null) {
      return false;
    }
    // An item still waiting for a PA whose account was disabled since: made again, for the managers.
    if (conv.paHandoverPending() && !conv.paHandoverToManagers() && !staff.mayWork(conv.paUsername())) {
      return true;
    }
    // People's activity only: Harbour's own alerts and notices at the start of the day do not count.
    Instant last = latest(conv.lastCareLeaverMessageAt(), conv.lastStaffMessageAt());
    boolean activeOvernight = last != null && !last.isBefore(s.from()) && last.isBefore(s.to());
    boolean alreadyMade = conv.paHandoverAt() != null && !conv.paHandoverAt().isBefore(s.to());
    return activeOvernight && !alreadyMade;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private Message item(Conversation conv, List<Message> recent, Stretch s, List<String> readers, Instant now) {
    List<Message> night = recent.stream().filter(m -> !m.createdAt().isBefore(s.from()) && m.createdAt().isBefore(s.to())).toList();
    long fromThem = night.stream().filter(Message::fromCareLeaver).count();
    List<String> cards = night.stream().filter(m -> m.kind() == MessageKind.CARD && m.card() != null).map(m -> m.card().getString("title")).distinct().toList();
    List<String> advisers = night.stream().filter(m -> m.senderRole() != null && m.senderRole().isStaff()).map(m -> staff.displayName(m.senderId())).distinct().toList();
    StringBuilder text = new StringBuilder("Out-of-hours handover for ").append(staff.displayName(conv.paUsername()))
        .append(staff.mayWork(conv.paUsername()) ? "" : " (whose account is disabled: " + conv.careLeaverName() + " needs a new PA)").append(": ")
        .append(conv.careLeaverName()).append(" sent ").append(fromThem).append(fromThem == 1 ? " message" : " messages")
        .append(" between ").append(texts.moment(s.from(), now)).append(" and ").append(texts.moment(s.to(), now)).append('.');
    text.append(advisers.isEmpty() ? " Nobody replied out of hours." : " Replied: " + String.join(", ", advisers) + ".");
    text.append(" Status now: ").append(conv.status().name().toLowerCase()).append(", priority ").append(conv.priority()).append('.');
    if (conv.escalationLevel() > 0) {
      text.append(" The wait was escalated (level ").append(conv.escalationLevel()).append(").");
    }
    if (!cards.isEmpty()) {
      text.append(" Signposting sent: ").append(String.join("; ", cards)).append('.');
    }
    if (conv.lastNote() != null) {
      text.append(" Last note: ").append(conv.lastNote());
    }
    // toManagers and readers left out for the PA alone, as earlier versions wrote the item.
    boolean toManagers = !staff.mayWork(conv.paUsername());
    return texts.system(conv.id(), MessageKind.ALERT, text.toString(), now,
        new ConversationEvent.PaHandover(conv.paUsername(), s.from(), s.to(), fromThem, cards, conv.priority(), conv.escalationLevel(),
            toManagers ? Boolean.TRUE : null, toManagers ? readers : null));
  }
}
