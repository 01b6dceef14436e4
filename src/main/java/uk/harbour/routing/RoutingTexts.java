package uk.harbour.routing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.routing.Assignment.Assign;
import uk.harbour.routing.Assignment.WaitReason;

/** What routing says, in plain English, and the messages that carry it. */
public final class RoutingTexts {

  static final String SENDER_ID = "harbour";
  static final String SENDER_NAME = "Harbour";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

  private final ZoneId zone;
  private final String councilName;
  private final String outOfHoursPhone;

  public RoutingTexts(ZoneId zone, String councilName, String outOfHoursPhone) {
    this.zone = Objects.requireNonNull(zone);
    this.councilName = Objects.requireNonNull(councilName);
    this.outOfHoursPhone = Objects.requireNonNull(outOfHoursPhone);
  }

  Message system(String conversationId, MessageKind kind, String text, Instant at, ConversationEvent event) {
    return new Message(conversationId, 0, 1, kind, text, SENDER_ID, null, SENDER_NAME, null, at, null, event);
  }

  Message card(String conversationId, JsonObject card, Instant at) {
    return new Message(conversationId, 0, 1, MessageKind.CARD, card.getString("text", card.getString("title")), SENDER_ID, null, SENDER_NAME, null, at, card, null);
  }

  String assigned(Assign assign, String firstName) {
    return assign.why() == Assignment.Why.OWN_PA
        ? firstName + ", your personal adviser, has your message and will reply soon."
        : firstName + " is on call and has your message. They will reply soon.";
  }

  /** To a young person not waiting for a reply whose conversation, back in the queue, someone took. */
  String pickedUp(Assign assign, String firstName) {
    return assign.why() == Assignment.Why.OWN_PA
        ? firstName + ", your personal adviser, has picked up your conversation."
        : firstName + " is on call and has picked up your conversation.";
  }

  String autoReply(String careLeaverName, WaitReason reason, Optional<Instant> next, Instant now, boolean withCards) {
    String hello = careLeaverName == null ? "Thanks for your message." : "Thanks for your message, " + careLeaverName + ".";
    String help = withCards ? " Below is help that is open right now." : "";
    String danger =
        " If you are in danger, call 999. For an urgent problem with " + councilName + " services out of hours, call the emergency duty team on "
            + outOfHoursPhone + ".";
    if (reason == WaitReason.EVERYONE_BUSY) {
      // "Busy" covers advisers who are helping others, set to busy or away, or not signed in: say only what is true of all.
      return hello + " It is saved. Nobody on shift is free to reply just now, so you are in the queue and the first person free will reply."
          + help + danger;
    }
    String when = next.map(t -> " The next person starts " + when(t, now) + ", and they will see your message then.").orElse(" We do not know yet when the next shift starts.");
    return hello + " It is saved, but nobody from the leaving care team is working right now." + when + help + danger;
  }

  /**
   * The kind line for a young person whose words show risk. It promises nothing the rota may not
   * keep (at 3am nobody may be on shift): the message is flagged so staff see it first, and help
   * that is there now comes with it.
   */
  String safetyReply(String careLeaverName, boolean withCards) {
    String thanks = careLeaverName == null ? "Thank you for telling us." : "Thank you for telling us, " + careLeaverName + ".";
    return thanks + " It sounds like things are really hard right now, and you don't have to deal with this on your own."
        + " Your message is saved and marked so the leaving care team sees it first."
        + " If you are in danger right now, call 999. You can talk to Samaritans free on 116 123 at any time, or text SHOUT to 85258."
        + " For an urgent problem with " + councilName + " services out of hours, call the emergency duty team on " + outOfHoursPhone + "."
        + (withCards ? " Below is help that is open right now." : "");
  }

  /**
   * For a young person whose wait reached its first alert with nobody on shift online to see it:
   * the honest state of things, and help that is always there.
   */
  String nobodyOnline(String careLeaverName) {
    String sorry = careLeaverName == null ? "Sorry you are still waiting." : "Sorry you are still waiting, " + careLeaverName + ".";
    return sorry + " Your message is saved, but nobody from the leaving care team is online to see it just now. We are still trying to reach them."
        + " If you are in danger, call 999. You can talk to Samaritans free on 116 123 at any time, or text SHOUT to 85258."
        + " For an urgent problem with " + councilName + " services out of hours, call the emergency duty team on " + outOfHoursPhone + ".";
  }

  String handedOver(String fromName, String reason, String toName) {
    String why = switch (reason) {
      case "shift_end" -> fromName + "'s shift has ended.";
      case "off_shift" -> fromName + " is not working just now.";
      default -> fromName + " is no longer online.";
    };
    return toName == null
        ? why + " Your conversation is saved, and the next person on shift will pick it up."
        : why + " You are now talking with " + toName + ".";
  }

  /** "at 5pm today", "at 9:30am tomorrow", "at 9am on Monday 30 November". */
  String when(Instant t, Instant now) {
    return "at " + moment(t, now);
  }

  /** "5pm today", "9:30am tomorrow", "11pm yesterday", "9am on Monday 30 November". */
  String moment(Instant t, Instant now) {
    ZonedDateTime at = t.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    String time = clockTime(at);
    if (at.toLocalDate().equals(today)) {
      return time + " today";
    }
    if (at.toLocalDate().equals(today.plusDays(1))) {
      return time + " tomorrow";
    }
    if (at.toLocalDate().equals(today.minusDays(1))) {
      return time + " yesterday";
    }
    return time + " on " + DAY.format(at);
  }

  static String clockTime(ZonedDateTime at) {
    int hour = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
    String minutes = at.getMinute() == 0 ? "" : String.format(":%02d", at.getMinute());
    return hour + minutes + (at.getHour() < 12 ? "am" : "pm");
  }
}
