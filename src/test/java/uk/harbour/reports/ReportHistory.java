package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

/**
 * A hand-built fortnight of conversations (23 March to 5 April 2026) whose figures are worked out
 * by hand in {@link ReportFiguresTest}: an episode spanning midnight and a shift change, the
 * spring-forward night, Good Friday, an auto-reply followed by a late human reply, a conversation
 * nobody answered, one resolved with no reply, a transfer with an urgent, escalated wait, and one
 * answered fast once and then left for an hour. Sam is every young person's PA; Jo is a manager.
 */
final class ReportHistory {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String TEAM = "leaving-care";
  /** When the figures are read: long after every episode, so nothing is pending. */
  static final Instant NOW = Instant.parse("2026-04-05T12:00:00Z");

  /** Conversation ids, one per young person; ids are care leaver ids. */
  static final String A = "cl-a-midnight", B = "cl-b-dst", C = "cl-c-bankhol", D = "cl-d-autoreply", E = "cl-e-nobody", F = "cl-f-transfer",
      G = "cl-g-hourlater", H = "cl-h-noreply";

  /** Office hours Mon-Fri 09:00-17:00; the shifts the history falls in; bank holidays follow Sunday. */
  static JsonObject rota() {
    return new JsonObject()
        .put("officeHours", new JsonArray().add(new JsonObject()
            .put("days", new JsonArray().add("MONDAY").add("TUESDAY").add("WEDNESDAY").add("THURSDAY").add("FRIDAY"))
            .put("start", "09:00").put("end", "17:00")))
        .put("templates", new JsonArray()
            .add(shift("tue-evening", "TUESDAY", "17:00", "23:00", "sam"))
            .add(shift("tue-late", "TUESDAY", "23:00", "09:00", "priya"))
            .add(shift("wed-evening", "WEDNESDAY", "17:00", "22:00", "sam"))
            .add(shift("thu-evening", "THURSDAY", "17:00", "23:00", "sam"))
            .add(shift("sat-night", "SATURDAY", "21:00", "09:00", "priya"))
            .add(shift("sun-day", "SUNDAY", "09:00", "21:00", "priya")));
  }

  private static JsonObject shift(String id, String day, String start, String end, String onCall) {
    return new JsonObject().put("id", id).put("day", day).put("start", start).put("end", end).put("onCall", new JsonArray().add(onCall));
  }

  /** Every conversation's messages, in seq order, as the chat core would have stored them. */
  static Map<String, List<Message>> messages() {
    Map<String, List<Message>> all = new LinkedHashMap<>();
    // A: Tuesday 22:50, answered at 23:10 after the evening shift ended at 23:00, again after 45 minutes, resolved after midnight.
    all.put(A, new Script(A)
        .young("2026-03-24T22:50").staff("sam", "2026-03-24T23:10").young("2026-03-24T23:20").staff("priya", "2026-03-25T00:05")
        .event("priya", "2026-03-25T00:20", new ConversationEvent.Resolved("priya")).feedback("2026-03-25T00:21", "yes").done());
    // B: the spring-forward night: 00:30 GMT to 02:10 BST is 40 minutes.
    all.put(B, new Script(B)
        .young("2026-03-29T00:30").staff("priya", "2026-03-29T02:10").event("priya", "2026-03-29T03:00", new ConversationEvent.Resolved("priya"))
        .feedback("2026-03-29T03:01", "not_really").done());
    // C: Good Friday, no office hours: the Sunday pattern's day shift.
    all.put(C, new Script(C)
        .young("2026-04-03T11:00").staff("priya", "2026-04-03T11:05").young("2026-04-03T11:06").staff("priya", "2026-04-03T11:07")
        .event("priya", "2026-04-03T11:30", new ConversationEvent.Resolved("priya")).feedback("2026-04-03T11:31", "skip").done());
    // D: nobody on call at 02:00; the honest auto-reply and a card do not count; Sam answers in office hours.
    all.put(D, new Script(D)
        .young("2026-03-26T02:00").harbour(MessageKind.AUTO_REPLY, "2026-03-26T02:00:01", new ConversationEvent.AutoReply("nobody_on_shift", null))
        .harbour(MessageKind.CARD, "2026-03-26T02:00:02", null).staff("sam", "2026-03-26T09:30")
        .event("sam", "2026-03-26T09:40", new ConversationEvent.Resolved("sam")).done());
    // E: nobody ever answers.
    all.put(E, new Script(E).young("2026-03-26T20:00").young("2026-03-26T20:30").done());
    // F: answered in 2 minutes, transferred, marked urgent, escalated twice, acknowledged, answered after 30 minutes.
    all.put(F, new Script(F)
        .young("2026-03-31T18:00").harbour(MessageKind.SYSTEM, "2026-03-31T18:00", new ConversationEvent.Assigned("sam", "own_pa"))
        .staff("sam", "2026-03-31T18:02").event("sam", "2026-03-31T18:03", ConversationEvent.Transferred.byStaff("priya", "sam"))
        .young("2026-03-31T18:10").alert("sam", "2026-03-31T18:11", new ConversationEvent.PriorityChanged("urgent", "sam"))
        .alert(null, "2026-03-31T18:13", new ConversationEvent.Escalated(1, List.of("backup"), List.of("priya"), 3L))
        .alert(null, "2026-03-31T18:18", new ConversationEvent.Escalated(2, List.of("backup", "duty_manager"), List.of("priya", "jo"), 8L))
        .alert("priya", "2026-03-31T18:20", new ConversationEvent.Acknowledged("priya"))
        .staff("priya", "2026-03-31T18:40").event("priya", "2026-03-31T19:00", new ConversationEvent.Resolved("priya"))
        .feedback("2026-03-31T19:01", "yes").done());
    // G: answered in a minute, then left for 65 minutes.
    all.put(G, new Script(G)
        .young("2026-03-25T10:00").staff("sam", "2026-03-25T10:01").young("2026-03-25T10:05").staff("sam", "2026-03-25T11:10")
        .event("sam", "2026-03-25T11:15", new ConversationEvent.Resolved("sam")).done());
    // H: resolved by the manager with no reply; the young person's next message opens episode 2, answered in 3 minutes.
    all.put(H, new Script(H)
        .young("2026-03-25T12:00").event("jo", "2026-03-25T12:05", new ConversationEvent.Resolved("jo"))
        .young("2026-03-25T13:00").staff("sam", "2026-03-25T13:03").event("sam", "2026-03-25T13:04", new ConversationEvent.Resolved("sam")).done());
    return all;
  }

  static List<Message> all() {
    List<Message> out = new ArrayList<>();
    messages().values().forEach(out::addAll);
    return out;
  }

  /** Writes messages the way the chat core numbers them (seq, episode), folding a real {@link Conversation}. */
  static final class Script {
    private final Conversation conv;
    private final List<Message> out = new ArrayList<>();

    Script(String id) {
      conv = new Conversation(id, "Young", "sam", TEAM);
    }

    private static Instant at(String local) {
      return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    private Script add(MessageKind kind, String sender, Role role, String local, ConversationEvent event, String clientId) {
      int episode = role == Role.CARE_LEAVER && kind == MessageKind.TEXT ? conv.episodeFor(role) : Math.max(conv.episode(), 1);
      Message m = new Message(conv.id(), conv.lastSeq() + 1, episode, kind, kind == MessageKind.TEXT ? "words never reach a report" : "–",
          sender, role, sender, clientId, at(local), null, event);
      conv.apply(m);
      out.add(m);
      return this;
    }

    /** Continues after a message already written, so the next ones take the seqs after it. */
    Script replay(Message m) {
      conv.apply(m);
      out.add(m);
      return this;
    }

    Script young(String local) {
      return add(MessageKind.TEXT, conv.id(), Role.CARE_LEAVER, local, null, "c" + (conv.lastSeq() + 1));
    }

    Script staff(String who, String local) {
      return add(MessageKind.TEXT, who, Role.ADVISER, local, null, "s" + (conv.lastSeq() + 1));
    }

    Script event(String who, String local, ConversationEvent event) {
      return add(MessageKind.SYSTEM, who, "jo".equals(who) ? Role.MANAGER : Role.ADVISER, local, event, null);
    }

    Script alert(String who, String local, ConversationEvent event) {
      return add(MessageKind.ALERT, who == null ? "harbour" : who, who == null ? null : Role.ADVISER, local, event, null);
    }

    Script harbour(MessageKind kind, String local, ConversationEvent event) {
      return add(kind, "harbour", null, local, event, null);
    }

    Script feedback(String local, String answer) {
      return add(MessageKind.SYSTEM, conv.id(), Role.CARE_LEAVER, local, new ConversationEvent.Feedback(answer), "feedback:" + conv.episode());
    }

    List<Message> done() {
      return List.copyOf(out);
    }
  }
}
