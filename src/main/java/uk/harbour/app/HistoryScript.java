package uk.harbour.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

/**
 * Writes one conversation's made-up messages for {@link SyntheticHistory}, folding a real {@link
 * Conversation} so seqs and episodes are the chat core's. Texts are bland stock phrases: reports
 * never read them.
 */
final class HistoryScript {

  private static final String HARBOUR = "harbour";
  private static final String[] YOUNG = {
    "Hi, are you there?", "I need some help with my flat.", "My money hasn't come through.", "Can someone call me back?",
    "I'm not sure what to do about my rent.", "Thanks, that makes sense.", "Okay.", "When can I see my PA?"
  };
  private static final String[] STAFF = {
    "Hi, I'm here. What's happened?", "Let me check that for you.", "I've sent you the details.", "Is there anything else tonight?"
  };

  final SyntheticHistory.Person person;
  final Conversation conv;
  private final String manager;
  final List<Message> out = new ArrayList<>();
  Instant at = Instant.EPOCH;
  int count;

  HistoryScript(SyntheticHistory.Person person, String manager) {
    this.person = person;
    this.manager = manager;
    this.conv = new Conversation(person.id(), person.firstName(), person.pa(), person.team());
  }

  void wait(Random r, int minSeconds, int maxSeconds) {
    at = at.plusSeconds(minSeconds + r.nextInt(maxSeconds - minSeconds + 1));
  }

  private void add(MessageKind kind, String text, String sender, Role role, String name, String clientId, ConversationEvent event) {
    int episode = role == Role.CARE_LEAVER && kind == MessageKind.TEXT ? conv.episodeFor(role) : Math.max(conv.episode(), 1);
    Message m = new Message(conv.id(), conv.lastSeq() + 1, episode, kind, text, sender, role, name, clientId, at, null, event);
    conv.apply(m);
    out.add(m);
  }

  void young() {
    add(MessageKind.TEXT, YOUNG[count++ % YOUNG.length], person.id(), Role.CARE_LEAVER, person.firstName(), "h" + (conv.lastSeq() + 1), null);
  }

  void staff(String who) {
    add(MessageKind.TEXT, STAFF[count++ % STAFF.length], who, role(who), who, "h" + (conv.lastSeq() + 1), null);
  }

  private Role role(String who) {
    return who.equals(manager) ? Role.MANAGER : Role.ADVISER;
  }

  void harbour(MessageKind kind, String text, ConversationEvent event) {
    at = at.plusSeconds(1);
    add(kind, text, HARBOUR, null, "Harbour", null, event);
  }

  void alert(String who, ConversationEvent event) {
    add(MessageKind.ALERT, event.type(), who == null ? HARBOUR : who, who == null ? null : role(who), who == null ? "Harbour" : who, null, event);
  }

  void event(String who, ConversationEvent event) {
    add(MessageKind.SYSTEM, event.type(), who, role(who), who, null, event);
  }

  void feedback(String answer) {
    add(MessageKind.SYSTEM, "Was this helpful? " + answer, person.id(), Role.CARE_LEAVER, person.firstName(), "feedback:" + conv.episode(),
        new ConversationEvent.Feedback(answer));
  }
}
