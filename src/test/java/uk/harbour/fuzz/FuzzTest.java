package uk.harbour.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.Message;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RawHttp;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

/**
 * Generated hostile input against a running Harbour, from a fixed seed: about 80 % WebSocket frames
 * from a young person, an adviser and a manager, 20 % raw HTTP requests to every route. Canary
 * messages from another young person go in all the while. Afterwards: no 5xx and no
 * {@code internal_error}, every {@code /api/} refusal in the documented JSON shape, no ERROR or
 * stack trace in the log, every canary stored and delivered, and every stored message exactly what
 * some client sent. {@code -Dharbour.fuzz.iterations=100000} (and {@code -Dharbour.fuzz.seed=})
 * runs it longer: see the README.
 */
@DisplayName("Fuzzing the socket and HTTP surfaces leaves Harbour up, clean and holding only what was sent")
@Timeout(1800)
class FuzzTest {

  private static final int ITERATIONS = Integer.getInteger("harbour.fuzz.iterations", 3000);
  private static final long SEED = Long.getLong("harbour.fuzz.seed", 20261130L);
  private static final int CANARY_EVERY = 50;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private RunningHarbour harbour;

  @AfterEach
  void stop() {
    root().detachAppender(log);
    if (harbour != null) {
      harbour.close();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /**
   * A fuzzed socket that is opened again whenever the server closes it (too many bad frames, too
   * big); it notes any {@code internal_error} the server answers.
   */
  private final class Reconnecting {
    private final TestSession session;
    private final List<String> problems;
    private TestSocket socket;

    Reconnecting(TestSession session, List<String> problems) {
      this.session = session;
      this.problems = problems;
      this.socket = TestSocket.connect(harbour, session);
    }

    void send(String text) {
      if (socket.isClosed()) {
        checkFrames();
        socket.close();
        socket = TestSocket.connect(harbour, session);
      }
      try {
        socket.sendRaw(text);
      } catch (IllegalStateException closedMeanwhile) {
        // Closed between the check and the write: the next frame reconnects.
      }
    }

    void checkFrames() {
      for (JsonObject frame : socket.drain()) {
        if ("error".equals(frame.getString("type")) && "internal_error".equals(frame.getString("code"))) {
          problems.add("internal_error frame: " + frame.encode());
        }
      }
    }
  }

  @Test
  @DisplayName("Thousands of generated frames and requests from a fixed seed")
  void fuzz() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"),
        new JsonObject().put("chat", new JsonObject().put("burst", 1_000_000).put("messagesPerMinute", 1_000_000)));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("kit", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("lee", Role.ADVISER);
    TestSession sam = fixtures.signedIn("sam");
    JsonObject jayInvite = fixtures.careLeaver(sam, "Jay");
    JsonObject kaiInvite = fixtures.careLeaver(sam, "Kai");
    String jay = jayInvite.getString("careLeaverId");
    String kai = kaiInvite.getString("careLeaverId");
    TestSession jaySession = fixtures.joined(jayInvite, "jay-canary");
    TestSession kaiSession = fixtures.joined(kaiInvite, "kai-fuzz");
    // HTTP is fuzzed as other people, so a fuzzed sign-out never ends a fuzzed socket's session.
    TestSession max = fixtures.joined(fixtures.careLeaver(sam, "Max"), "max-fuzz");
    TestSession lee = fixtures.signedIn("lee");
    TestSession jo = fixtures.signedIn("jo");

    // The canary's sender and the manager watching it are never fuzzed.
    TestSocket canary = TestSocket.connect(harbour, jaySession);
    TestSocket observer = TestSocket.connect(harbour, jo);
    observer.send(new JsonObject().put("type", "resume").put("conversationId", jay).put("afterSeq", 0));
    observer.next("history");
    log.start();
    root().addAppender(log);

    Junk junk = new Junk(new Random(SEED));
    FrameFuzzer frames = new FrameFuzzer(junk, List.of(jay, kai, "nobody", "../x", ""));
    List<String> problems = new ArrayList<>();
    List<Reconnecting> fuzzed = List.of(new Reconnecting(kaiSession, problems), new Reconnecting(sam, problems), new Reconnecting(fixtures.signedIn("kit"), problems));
    RequestFuzzer requests = new RequestFuzzer(junk,
        List.of(new RequestFuzzer.Caller("", ""), caller(lee), caller(max)), List.of(jay, kai, "nobody", "%", "a.b"));
    RawHttp raw = new RawHttp(harbour.port());

    // A client id may be sent more than once with other texts (the fuzzer can make "NaN" one): the first stored wins.
    Map<String, Set<String>> sent = new HashMap<>();
    List<String> canaries = new ArrayList<>();
    for (int i = 0; i < ITERATIONS; i++) {
      if (i % CANARY_EVERY == 0) {
        String clientId = "canary-" + i;
        canary.send(new JsonObject().put("type", "send").put("clientId", clientId).put("text", "canary " + i));
        canary.next(f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")));
        canaries.add(clientId);
        sent.put(clientId, Set.of("canary " + i));
      }
      if (junk.chance(0.8)) {
        FrameFuzzer.Frame frame = frames.next();
        frame.send().forEach((clientId, text) -> sent.computeIfAbsent(clientId, k -> new HashSet<>()).add(text));
        Reconnecting socket = junk.pick(fuzzed);
        socket.send(frame.text());
        if (i % 100 == 0) {
          socket.checkFrames();
        }
      } else {
        RawHttp.Answer answer = raw.send(requests.next());
        check(answer, requests.path(), problems);
      }
    }
    assertEquals(200, raw.get("/health/live").status(), "still up");

    // Every canary reached the manager watching, in order.
    for (String clientId : canaries) {
      observer.next(f -> "message".equals(f.getString("type")) && clientId.equals(f.getJsonObject("message").getString("clientId")));
    }
    // A queue request and its answer: every frame sent before it has been answered.
    for (Reconnecting socket : fuzzed) {
      socket.send(new JsonObject().put("type", "queue").encode());
      socket.socket.arrivesWithin(f -> "queue".equals(f.getString("type")) || "error".equals(f.getString("type")), 2000);
      socket.checkFrames();
    }
    checkStored(jay, sent, canaries, problems);
    checkStored(kai, sent, List.of(), problems);
    checkLog(problems);
    assertTrue(problems.isEmpty(), problems.size() + " problems, seed " + SEED + ":\n" + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
  }

  private static RequestFuzzer.Caller caller(TestSession session) {
    return new RequestFuzzer.Caller(session.cookieHeader(), session.csrf());
  }

  private static void check(RawHttp.Answer answer, String path, List<String> problems) {
    if (answer.status() >= 500) {
      problems.add(answer.status() + " from " + path + ": " + answer.body());
    }
    boolean api = path.startsWith("/api/");
    if (api && answer.status() >= 400 && answer.status() != 405 && !answer.body().isEmpty()) {
      try {
        JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
        if (error == null || error.getString("code") == null || error.getString("message") == null) {
          problems.add("not the error shape from " + path + ": " + answer.body());
        }
      } catch (RuntimeException e) {
        problems.add("not JSON from " + path + " (" + answer.status() + "): " + answer.body());
      }
    }
  }

  /** Every stored person's message is one some client sent, trimmed at most; canaries all there. */
  private void checkStored(String conversationId, Map<String, Set<String>> sent, List<String> canaries, List<String> problems) {
    SignedIn reader = new SignedIn("jo", Role.MANAGER, "Jo", Fixtures.TEAM, harbour.clock().instant());
    var chat = harbour.harbour().services().chat();
    long last = RunningHarbour.await(chat.conversation(conversationId)).lastSeq();
    Set<String> found = new HashSet<>();
    for (long before = last + 1; before > 1; before -= 100) {
      for (Message m : RunningHarbour.await(chat.history(reader, conversationId, before, 100))) {
        if (m.clientId() == null || m.event() instanceof uk.harbour.chat.ConversationEvent.Feedback) {
          // Harbour's own records, and a young person's one-tap "Was this helpful?" answer (client id feedback:<episode>).
          continue;
        }
        found.add(m.clientId());
        Set<String> originals = sent.get(m.clientId());
        if (originals == null) {
          problems.add("stored a message nobody sent: " + m.clientId());
        } else if (m.text().isBlank() || originals.stream().noneMatch(o -> o.contains(m.text()) && o.replace(m.text(), "").isBlank())) {
          problems.add("stored text differs from what was sent for " + m.clientId() + ": " + m.text());
        }
      }
    }
    canaries.stream().filter(c -> !found.contains(c)).forEach(c -> problems.add("canary not stored: " + c));
  }

  private void checkLog(List<String> problems) {
    for (ILoggingEvent event : log.list) {
      if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
        // Thread and logger: the whole JVM logs here, earlier test classes' leftovers included.
        problems.add("log " + event.getLevel() + " [" + event.getThreadName() + "] " + event.getLoggerName() + ": " + event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ")"));
      }
    }
  }
}
