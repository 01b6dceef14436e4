package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("What the chat socket accepts: strict JSON, whole numbers and the text rules")
@Timeout(120)
class ChatInputTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"), new JsonObject().put("chat", new JsonObject().put("burst", 500)));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    sam = fixtures.signedIn("sam");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private static TestSocket youngPersonSocket(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    TestSocket socket = TestSocket.connect(harbour, fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6)));
    socket.next("welcome");
    return socket;
  }

  /** The texts people wrote in the socket's own conversation, in order. */
  private static List<String> storedTexts(TestSocket socket) {
    socket.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
    return socket.next("history").getJsonArray("messages").stream()
        .map(JsonObject.class::cast)
        .filter(m -> "care_leaver".equals(m.getJsonObject("sender").getString("role")))
        .map(m -> m.getString("text"))
        .toList();
  }

  private static String errorCode(TestSocket socket, String raw) {
    socket.sendRaw(raw);
    return socket.next("error").getString("code");
  }

  private static String sendText(String jsonEscapedText) {
    return "{\"type\":\"send\",\"clientId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + jsonEscapedText + "\"}";
  }

  @Test
  @DisplayName("non-standard JSON frames are refused with bad_json and nothing is stored")
  void strictJson() {
    try (TestSocket young = youngPersonSocket("Ari")) {
      String[] frames = {
        "{\"type\":\"send\",\"clientId\":\"c1\",\"text\":\"hidden\" /* comment */}",
        "{\"type\":\"send\",\"clientId\":\"c2\",\"text\":\"hidden\"} // comment",
        "{'type':'send','clientId':'c3','text':'hidden'}",
        "{\"type\":\"send\",\"clientId\":\"c4\",\"text\":\"hidden\",}",
        "{type:\"send\",\"clientId\":\"c5\",\"text\":\"hidden\"}",
        "{\"type\":\"resume\",\"afterSeq\":NaN}",
        "{\"type\":\"resume\",\"afterSeq\":01}",
        "{\"type\":\"send\",\"clientId\":\"c6\",\"text\":\"hidden\"}garbage",
        "{\"type\":\"send\",\"clientId\":\"c7\",\"text\":\"hidden\"}{\"type\":\"queue\"}",
        "{\"type\":\"send\",\"clientId\":\"c8\",\"text\":\"hidden\",\"text\":\"other\"}",
      };
      for (String frame : frames) {
        assertEquals("bad_json", errorCode(young, frame), frame);
      }
      young.sendRaw(sendText("still here"));
      young.next("ack");
      assertEquals(List.of("still here"), storedTexts(young), "only the standard frame was stored");
    }
  }

  @Test
  @DisplayName("a whole number is a JSON integer in range: 1e400, 1e3, 1.0 and 1.5 are refused alike, -0 is 0")
  void wholeNumbers() {
    try (TestSocket young = youngPersonSocket("Bea")) {
      String[][] cases = {
        {"{\"type\":\"resume\",\"afterSeq\":1e400}", "wrong_type"},
        {"{\"type\":\"resume\",\"afterSeq\":1.5}", "wrong_type"},
        {"{\"type\":\"resume\",\"afterSeq\":1e3}", "wrong_type"},
        {"{\"type\":\"resume\",\"afterSeq\":1.0}", "wrong_type"},
        {"{\"type\":\"resume\",\"afterSeq\":\"3\"}", "wrong_type"},
        {"{\"type\":\"resume\",\"afterSeq\":-1}", "out_of_range"},
        {"{\"type\":\"resume\",\"afterSeq\":9223372036854775808}", "out_of_range"},
        {"{\"type\":\"resume\",\"afterSeq\":100000000000000000000000000000}", "out_of_range"},
        {"{\"type\":\"history\",\"limit\":1e2}", "wrong_type"},
        {"{\"type\":\"history\",\"limit\":101}", "out_of_range"},
        {"{\"type\":\"history\",\"beforeSeq\":0}", "out_of_range"},
        {"{\"type\":\"read\",\"seq\":2.0}", "wrong_type"},
      };
      for (String[] c : cases) {
        assertEquals(c[1], errorCode(young, c[0]), c[0]);
      }
      young.sendRaw("{\"type\":\"resume\",\"afterSeq\":-0}");
      assertTrue(young.next("history").getBoolean("complete"), "-0 is the whole number 0");
    }
  }

  @Test
  @DisplayName("text is trimmed before it is stored, and text that is only white space is refused")
  void trimming() {
    try (TestSocket young = youngPersonSocket("Cas")) {
      young.sendRaw(sendText(" \\u00a0\\n  I need help\\n\\twith rent \\n\\u3000"));
      young.next("ack");
      for (String blank : new String[] {"", "   ", "\\n\\t \\r\\n", "\\u00a0\\u2003\\u3000"}) {
        assertEquals("missing_field", errorCode(young, sendText(blank)), "'" + blank + "'");
      }
      assertEquals(List.of("I need help\n\twith rent"), storedTexts(young));
    }
  }

  @Test
  @DisplayName("null bytes, control characters and half an emoji are refused with bad_characters, not stored as '?'")
  void badCharacters() {
    try (TestSocket young = youngPersonSocket("Dee")) {
      for (String bad : new String[] {"a\\u0000b", "a\\u0007b", "a\\rb", "a\\u007fb", "a\\u009bb", "broken \\ud83d emoji", "broken \\ude00", "end \\ud83d"}) {
        assertEquals("bad_characters", errorCode(young, sendText(bad)), bad);
      }
      young.sendRaw(sendText("whole \\ud83d\\ude00 emoji"));
      young.next("ack");
      assertEquals(List.of("whole \uD83D\uDE00 emoji"), storedTexts(young));
    }
  }

  @Test
  @DisplayName("the 4,000 limit counts characters as a reader sees them: emoji with modifiers, ZWJ sequences and combining accents count one each")
  void visibleLength() {
    String thumbsUp = "\uD83D\uDC4D\uD83C\uDFFD";
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    String accented = "e\u0301";
    try (TestSocket young = youngPersonSocket("Eli")) {
      for (String character : new String[] {thumbsUp, accented, "x"}) {
        young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", character.repeat(4000)));
        young.next("ack");
        young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", character.repeat(4001)));
        assertEquals("too_long", young.next("error").getString("code"), "4001 of " + character);
      }
      // 1,400 family emoji are 1,400 characters but 11,200 UTF-16 units: within both limits.
      young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", family.repeat(1400)));
      young.next("ack");
      List<String> stored = storedTexts(young);
      assertEquals(List.of(thumbsUp.repeat(4000), accented.repeat(4000), "x".repeat(4000), family.repeat(1400)), stored);
      // 2,000 of them would be 16,000 units of text: over the 16 KiB frame limit, which closes the socket.
      young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", family.repeat(2100)));
      assertEquals(ChatConnection.CLOSE_TOO_BIG, young.awaitClose());
    }
  }

  @Test
  @DisplayName("every message frame carries its conversation's episode")
  void episode() {
    try (TestSocket young = youngPersonSocket("Fin")) {
      young.send(new JsonObject().put("type", "send").put("clientId", "e1").put("text", "hello"));
      long seq = young.next("ack").getLong("seq");
      young.send(new JsonObject().put("type", "resume").put("afterSeq", seq - 1));
      JsonObject message = young.next("history").getJsonArray("messages").getJsonObject(0);
      assertEquals(1, message.getInteger("episode"));
    }
  }
}
