package uk.harbour.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import uk.harbour.chat.FrameParser;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("POST /api/safety/check over real HTTP")
@Timeout(120)
class SafetyApiTest {

  private static final String PATH = "/api/safety/check";
  private static final String COUNCIL_PHONE = "0161 496 0123";
  private static RunningHarbour harbour;
  private static TestSession anonymous;
  private static TestSession careLeaver;
  private static TestSession adviser;
  private static TestSession manager;
  private static TestSession admin;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(
        TestClock.at("2026-11-28T23:00"),
        new JsonObject().put("council", new JsonObject().put("name", "Test Borough Council").put("outOfHoursPhone", COUNCIL_PHONE)));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("alex", Role.ADMIN);
    anonymous = new TestSession(harbour);
    adviser = fixtures.signedIn("sam");
    manager = fixtures.signedIn("jo");
    admin = fixtures.signedIn("alex");
    careLeaver = fixtures.joined(fixtures.careLeaver(adviser, "Jay"), "jay-safety");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  private static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("Only managers and admins may run the check: signed out 401, care leaver and adviser 403")
  void roles() {
    JsonObject body = text("I want to die");
    HttpResponse<Buffer> signedOut = anonymous.post(PATH, body);
    assertEquals(401, signedOut.statusCode());
    assertEquals("unauthorized", code(signedOut));
    for (TestSession refused : List.of(careLeaver, adviser)) {
      HttpResponse<Buffer> response = refused.post(PATH, body);
      assertEquals(403, response.statusCode(), response.bodyAsString());
      assertEquals("forbidden", code(response));
    }
    for (TestSession allowed : List.of(manager, admin)) {
      HttpResponse<Buffer> response = allowed.post(PATH, body);
      assertEquals(200, response.statusCode(), response.bodyAsString());
      assertTrue(response.bodyAsJsonObject().getBoolean("flag"));
    }
  }

  @Test
  @DisplayName("Without the session's CSRF token the check is refused with 403 csrf_token_invalid")
  void csrf() {
    HttpResponse<Buffer> response =
        await(manager.client().post(PATH).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(text("I want to die").encode())));
    assertEquals(403, response.statusCode());
    assertEquals("csrf_token_invalid", code(response));
  }

  @Test
  @DisplayName("A flagged text answers flag, categories, severity, the rules matched and the guidance, not cached")
  void flagged() {
    HttpResponse<Buffer> response = manager.post(PATH, text("I'm not going to kill myself but I think about it every night"));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("no-store", response.getHeader("Cache-Control"));
    JsonObject answer = response.bodyAsJsonObject();
    assertEquals(Set.of("flag", "categories", "severity", "matched", "guidance"), answer.fieldNames());
    assertTrue(answer.getBoolean("flag"));
    assertEquals(new JsonArray().add("suicide_self_harm"), answer.getJsonArray("categories"));
    assertEquals("high", answer.getString("severity"));
    assertEquals(
        new JsonObject().put("rule", "suicide-named").put("category", "suicide_self_harm").put("severity", "high").put("words", "kil myself"),
        answer.getJsonArray("matched").getJsonObject(0));
    JsonObject guidance = answer.getJsonObject("guidance");
    assertEquals(Set.of("suicide_self_harm"), guidance.fieldNames());
    JsonObject advice = guidance.getJsonObject("suicide_self_harm");
    assertEquals("Suicide or self-harm", advice.getString("title"));
    String steps = String.join("\n", advice.getJsonArray("steps").stream().map(String::valueOf).toList());
    assertTrue(steps.contains("Test Borough Council emergency duty team on " + COUNCIL_PHONE), steps);
    assertTrue(steps.contains("Samaritans on 116 123"), steps);
    assertTrue(advice.getJsonArray("cards").contains("samaritans"));
  }

  @Test
  @DisplayName("Several categories come in a fixed order with guidance for each; the severity is the highest")
  void severalCategories() {
    JsonObject answer = admin.post(PATH, text("I've got nowhere to sleep tonight and he's got a knife")).bodyAsJsonObject();
    assertEquals(new JsonArray().add("immediate_danger").add("no_safe_place"), answer.getJsonArray("categories"));
    assertEquals("high", answer.getString("severity"));
    assertEquals(Set.of("immediate_danger", "no_safe_place"), answer.getJsonObject("guidance").fieldNames());
  }

  @Test
  @DisplayName("An everyday idiom does not flag: severity null, nothing matched, no guidance")
  void notFlagged() {
    JsonObject answer = manager.post(PATH, text("this essay is killing me lol")).bodyAsJsonObject();
    assertFalse(answer.getBoolean("flag"));
    assertEquals(new JsonArray(), answer.getJsonArray("categories"));
    assertTrue(answer.containsKey("severity"));
    assertNull(answer.getValue("severity"));
    assertEquals(new JsonArray(), answer.getJsonArray("matched"));
    assertEquals(new JsonObject(), answer.getJsonObject("guidance"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not JSON                 | {text: hi}                          | bad_json",
        "a list                   | [\"hi\"]                            | bad_json",
        "a trailing comma         | {\"text\": \"hi\",}                 | bad_json",
        "a key given twice        | {\"text\": \"hi\", \"text\": \"ho\"} | bad_json",
        "empty body               | ``                                  | bad_json",
        "no text                  | {}                                  | missing_field",
        "only white space         | {\"text\": \"  \\u00a0 \"}          | missing_field",
        "text not text            | {\"text\": 42}                      | wrong_type",
        "an unknown field         | {\"text\": \"hi\", \"store\": true} | unknown_field",
        "an operator key          | {\"$text\": \"hi\"}                 | bad_key",
        "a control character      | {\"text\": \"hi\\u0000\"}           | bad_characters",
        "half an emoji            | {\"text\": \"hi \\ud83d\"}          | bad_characters",
        "over 4,000 characters    | LONG                                | too_long"
      })
  @DisplayName("A bad body is refused with 400 and the documented code")
  void badBodies(String name, String body, String code) {
    String sent = body.equals("LONG") ? text("a".repeat(SafetyRoutes.MAX_TEXT + 1)).encode() : body;
    HttpResponse<Buffer> response = manager.post(PATH, sent);
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(code, code(response), name);
  }

  @Test
  @DisplayName("Text is limited like a chat message: 4,000 characters as a reader counts them")
  void textLimit() {
    assertEquals(FrameParser.MAX_TEXT, SafetyRoutes.MAX_TEXT, "the same limit as the chat");
    assertEquals(200, manager.post(PATH, text("😂".repeat(SafetyRoutes.MAX_TEXT))).statusCode(), "4,000 emoji are 4,000 characters");
    assertEquals(400, manager.post(PATH, text("😂".repeat(SafetyRoutes.MAX_TEXT + 1))).statusCode());
  }

  @Test
  @DisplayName("Another content type is 415 and a body over the limit 413")
  void contentTypeAndSize() {
    HttpResponse<Buffer> plain =
        await(manager.client().post(PATH).putHeader("X-XSRF-TOKEN", manager.csrf()).putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("I want to die")));
    assertEquals(415, plain.statusCode());
    assertEquals("unsupported_media_type", code(plain));
    HttpResponse<Buffer> huge = manager.post(PATH, text("a ".repeat(40_000)));
    assertEquals(413, huge.statusCode());
    assertEquals("too_large", code(huge));
  }

  @Test
  @DisplayName("Checking stores nothing and never logs the text")
  void nothingStoredNothingLogged() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    long before = storedDocuments();
    root.addAppender(log);
    try {
      for (String canary : List.of("zebra canary I want to kill myself", "zebra canary nothing risky", "zebra canary \u0000")) {
        manager.post(PATH, text(canary));
      }
    } finally {
      root.detachAppender(log);
    }
    assertEquals(before, storedDocuments(), "nothing stored");
    synchronized (log) {
      assertTrue(log.list.stream().noneMatch(e -> e.getFormattedMessage().contains("zebra")), "the text is never logged");
    }
  }

  /** Every document in every collection of the store. */
  private static long storedDocuments() {
    MongoClient mongo = harbour.harbour().services().store().client();
    long total = 0;
    for (String collection : await(mongo.getCollections())) {
      total += await(mongo.count(collection, new JsonObject()));
    }
    return total;
  }
}
