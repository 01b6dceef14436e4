package uk.harbour.testing;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccounts.NewStaff;

/**
 * A Harbour on Wednesday 25 November 2026 (London time) with {@link Rotas#wednesdayEvening()} in
 * force — Ali and Priya on call 17:00-22:00, Sam backup, Jo duty manager, Sam every young person's
 * PA — and the helpers routing and safeguarding tests share: young people, sockets, sending, the
 * clock and the sweep. Each test starts its own Harbour with {@link #startAt}.
 */
@Timeout(120)
public abstract class WednesdayEveningTestBase {

  protected RunningHarbour harbour;
  protected TestClock clock;
  protected Fixtures fixtures;
  protected TestSession sam;

  /** A care leaver and their signed-in session. */
  protected record YoungPerson(String id, TestSession session) {}

  protected void startAt(String wednesdayTime) {
    startAt(wednesdayTime, new JsonObject());
  }

  /** {@code routing}: settings over the defaults, e.g. {@code slaMinutes}. */
  protected void startAt(String wednesdayTime, JsonObject routing) {
    clock = TestClock.at("2026-11-25T" + wednesdayTime);
    // The periodic sweep is slowed right down: each test runs the sweep itself after moving the clock.
    harbour = RunningHarbour.start(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 600).mergeIn(routing)));
    fixtures = new Fixtures(harbour);
    for (String adviser : List.of("sam", "ali", "priya")) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    sam = fixtures.signedIn("sam");
    Rotas.use(harbour, Rotas.wednesdayEvening());
  }

  @AfterEach
  void stopHarbour() {
    if (harbour != null) {
      harbour.close();
    }
  }

  /** A care leaver whose own PA is Sam. */
  protected YoungPerson youngPerson(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    return new YoungPerson(invite.getString("careLeaverId"), fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6)));
  }

  protected TestSocket staffSocket(String username) {
    TestSocket socket = TestSocket.connect(harbour, fixtures.signedIn(username));
    socket.next("welcome");
    return socket;
  }

  /** A manager of the "north" team, which is not the young people's (Jo's). */
  protected void managerOfAnotherTeam(String username, String displayName) {
    RunningHarbour.await(harbour.harbour().services().identity().staffAccounts()
        .create(Actor.system(), new NewStaff(username, displayName, Role.MANAGER, "north", Fixtures.PASSWORD)));
  }

  /** Asks to open the conversation from its start: the answer, {@code history} or an {@code error}. */
  protected static JsonObject open(TestSocket socket, String conversationId) {
    socket.send(new JsonObject().put("type", "resume").put("conversationId", conversationId).put("afterSeq", 0));
    return socket.next(f -> "history".equals(f.getString("type")) || "error".equals(f.getString("type")));
  }

  protected TestSocket careLeaverSocket(YoungPerson person) {
    TestSocket socket = TestSocket.connect(harbour, person.session());
    socket.next("welcome");
    return socket;
  }

  /** Jay says hi, Ali (on call, free) gets the conversation and answers. */
  protected void aliAnswers(YoungPerson jay, TestSocket young, TestSocket ali) {
    say(young, "hi");
    eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
    reply(ali, jay.id(), "Hi Jay, Ali here", "text");
  }

  /** Ali resolves Jay's conversation, then hands it to {@code to} with a note. */
  protected void resolvedAndHandedTo(YoungPerson jay, TestSocket ali, String to) {
    ali.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
    eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
    ali.send(new JsonObject().put("type", "transfer").put("conversationId", jay.id()).put("to", to).put("note", "For " + to + " next time"));
    eventually(jay.id(), c -> to.equals(c.assignedTo()));
  }

  /** A care leaver's message, waited for until stored. */
  protected static void say(TestSocket socket, String text) {
    socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", text));
    socket.next("ack");
  }

  /** A staff member's message ({@code kind} text or note), waited for until stored. */
  protected static void reply(TestSocket socket, String conversationId, String text, String kind) {
    socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("conversationId", conversationId).put("text", text).put("kind", kind));
    socket.next("ack");
  }

  /** A staff console's summary of this conversation ({@code conversation} frame) that satisfies {@code wanted}. */
  protected static Predicate<JsonObject> summaryOf(String conversationId, Predicate<JsonObject> wanted) {
    return f -> "conversation".equals(f.getString("type")) && conversationId.equals(f.getJsonObject("conversation").getString("id"))
        && wanted.test(f.getJsonObject("conversation"));
  }

  protected static Predicate<JsonObject> messageOf(MessageKind kind) {
    return f -> "message".equals(f.getString("type")) && kind.wireName().equals(f.getJsonObject("message").getString("kind"));
  }

  /** The honest reply a young person gets when an alert about their wait reached nobody. */
  protected static Predicate<JsonObject> nobodyOnline() {
    return f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getString("text", "").startsWith("Sorry you are still waiting");
  }

  /** A message frame whose event has this type (e.g. {@code safety_reply}). */
  protected static Predicate<JsonObject> eventOf(String type) {
    return f -> "message".equals(f.getString("type")) && type.equals(f.getJsonObject("message").getJsonObject("event", new JsonObject()).getString("type"));
  }

  protected Conversation conversation(String id) {
    return harbour.harbour().services().chat().peek(id).orElseThrow();
  }

  /** Waits (briefly) for routing that runs just after a message is stored. */
  protected Conversation eventually(String id, Predicate<Conversation> condition) {
    return Eventually.eventually(() -> harbour.harbour().services().chat().peek(id).orElse(null), c -> c != null && condition.test(c));
  }

  /**
   * Sets a member of staff's status and waits until the server has it. Not by the echo frame: the
   * one sent on connecting also says "available" and may still be queued on the socket.
   */
  protected void setStatus(TestSocket socket, String username, String status) {
    socket.send(new JsonObject().put("type", "presence").put("status", status));
    Eventually.eventually(() -> harbour.harbour().services().staffPresence().of(username).map(s -> status.equals(s.status())).orElse(false));
  }

  /** Moves the clock to a Wednesday time ("18:10", "18:09:59.999") and runs the sweep. */
  protected void sweepAt(String wednesdayTime) {
    clock.setLocal("2026-11-25T" + wednesdayTime);
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
  }

  /** Every stored message, staff-only ones included, oldest first (the last 100). */
  protected List<Message> stored(String id) {
    SignedIn reader = new SignedIn("jo", Role.MANAGER, "Jo", null, clock.instant());
    return RunningHarbour.await(harbour.harbour().services().chat().history(reader, id, Long.MAX_VALUE, 100));
  }

  protected List<Message> stored(String id, MessageKind kind) {
    return stored(id).stream().filter(m -> m.kind() == kind).toList();
  }
}
