package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.RawHttp;
import uk.harbour.testing.RawHttp.Answer;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;

/**
 * Issue 11, item 13: anyone could flood the log with stack traces. Each bad request, sent as raw
 * bytes, must be answered in the documented shape where it still can be, and leave one short log
 * line, never an ERROR or a stack trace.
 */
@DisplayName("A malformed request is answered in the documented shape and logs one line without a stack trace")
@Timeout(120)
class RequestLoggingTest {

  private static RunningHarbour harbour;
  private static RawHttp raw;
  private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    raw = new RawHttp(harbour.port());
    // The reports' start-up catch-up and the pages' compile say when they are done, in the
    // background after ready: not a request's line.
    RunningHarbour.await(harbour.harbour().services().reports().writer().caughtUp());
    RunningHarbour.await(harbour.harbour().services().pages().compiled());
    LOG.start();
    root().addAppender(LOG);
  }

  @AfterAll
  static void stop() {
    root().detachAppender(LOG);
    harbour.close();
  }

  @Test
  @DisplayName("A broken % escape in a page's path: the friendly 400 page")
  void brokenEscapeInPath() {
    Answer answer = oneLogLine("GET /%", () -> raw.get("/%"));
    assertEquals(400, answer.status());
    assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
  }

  @Test
  @DisplayName("A broken % escape in an API path: 400 bad_request as JSON")
  void brokenEscapeInApiPath() {
    Answer answer = oneLogLine("GET /api/%", () -> raw.get("/api/%"));
    assertJsonError(answer, 400, "bad_request");
  }

  @Test
  @DisplayName("A chunk size that is not hex: the connection is closed, nothing else can follow on it")
  void badChunkSize() {
    String request =
        "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "zz\r\n{\"a\":1}\r\n0\r\n\r\n";
    Answer answer = oneLogLine("POST /api/session", () -> raw.send(bytes(request)));
    assertFalse(answer.answered() && answer.status() >= 500, "never a 500: " + answer);
  }

  @Test
  @DisplayName("A client that gives up half-way through its body")
  void abandonedBody() {
    String request = "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":";
    oneLogLine("POST /api/session", () -> {
      raw.sendAndHangUp(bytes(request));
      return null;
    });
  }

  @Test
  @DisplayName("A form body that does not decode: the friendly 400 page")
  void formThatDoesNotDecode() {
    String request =
        "POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%zz";
    Answer answer = oneLogLine("POST /signin", () -> raw.send(bytes(request)));
    assertEquals(400, answer.status(), answer.body());
  }

  @Test
  @DisplayName("A form Content-Type on OPTIONS: 400")
  void formOnOptions() {
    Answer answer = oneLogLine("OPTIONS /", () -> raw.request("OPTIONS", "/", "Content-Type: application/x-www-form-urlencoded", "Content-Length: 0"));
    assertEquals(400, answer.status());
  }

  @Test
  @DisplayName("Headers over the limit on an API path: 431 too_large as JSON, then the connection closes")
  void headersTooLarge() {
    Answer answer = oneLogLine("GET /api/me", () -> raw.get("/api/me", "X-Padding: " + "a".repeat(9000)));
    assertJsonError(answer, 431, "too_large");
  }

  @Test
  @DisplayName("A request line over the limit: 414 and the friendly page, since its path is unknown")
  void requestLineTooLong() {
    Answer answer = oneLogLine("414", () -> raw.get("/" + "a".repeat(5000)));
    assertEquals(414, answer.status());
    assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
  }

  @Test
  @DisplayName("An invite link's token never reaches the log: it sets up a young person's sign-in until used")
  void inviteTokenNotLogged() {
    String token = "NotARealInviteTokenButSecret42";
    Answer answer = oneLogLine("GET /join/", () -> raw.get("/join/" + token));
    assertEquals(410, answer.status(), "an unknown token is the expired-invite page");
    synchronized (LOG) {
      assertTrue(LOG.list.stream().noneMatch(e -> e.getFormattedMessage().contains(token)), "the token is in a log line");
    }
  }

  /**
   * Runs the request and checks that it left exactly one log line, mentioning {@code expected}: no
   * ERROR, no stack trace, one line of text.
   */
  private static <T> T oneLogLine(String expected, Supplier<T> request) {
    int before = events().size();
    T answer = request.get();
    List<ILoggingEvent> lines = eventsAfter(before);
    assertEquals(1, lines.size(), "one line for one request: " + messages(lines));
    ILoggingEvent line = lines.get(0);
    assertNull(line.getThrowableProxy(), "no stack trace: " + line.getFormattedMessage());
    assertTrue(line.getLevel().isGreaterOrEqual(Level.INFO) && !line.getLevel().isGreaterOrEqual(Level.ERROR), "INFO or WARN: " + line.getLevel());
    assertFalse(line.getFormattedMessage().contains("\n"), "a single line");
    assertTrue(line.getFormattedMessage().contains(expected), line.getFormattedMessage());
    return answer;
  }

  /**
   * Waits for the first new line (the client may hang up before the server notices), then a moment
   * more: a second line would come from the same request's handling, which no later request or
   * answer is ordered after, so that part stays a short timed wait.
   */
  private static List<ILoggingEvent> eventsAfter(int before) {
    Eventually.eventually().atMost(Duration.ofSeconds(5)).alias("a log line for the request").until(() -> events().size() > before);
    pause(300);
    List<ILoggingEvent> all = events();
    return all.subList(before, all.size());
  }

  /**
   * The lines an operator sees at the default level (INFO and above, whatever HARBOUR_LOG_LEVEL
   * says), but Micrometer's, which warns once per process that a gauge is registered twice, on
   * whichever request happens to come first.
   */
  private static List<ILoggingEvent> events() {
    // The appender adds under its own lock (AppenderBase.doAppend is synchronized).
    synchronized (LOG) {
      return LOG.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
          .filter(e -> !e.getLoggerName().startsWith("io.micrometer"))
          .toList();
    }
  }

  private static List<String> messages(List<ILoggingEvent> events) {
    return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " +stack")).toList();
  }

  private static void assertJsonError(Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
    assertEquals(code, new JsonObject(answer.body()).getJsonObject("error").getString("code"));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
