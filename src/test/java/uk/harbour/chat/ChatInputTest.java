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
}
