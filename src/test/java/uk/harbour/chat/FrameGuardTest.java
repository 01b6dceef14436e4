package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RawWebSocket;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("Frames RFC 6455 refuses fail the connection: reserved bits not negotiated (5.2, RFC 7692) and text that is not UTF-8 (8.1)")
@Timeout(60)
class FrameGuardTest {

  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    sam = fixtures.signedIn("sam");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private record YoungPerson(String id, TestSession session) {}

  private static YoungPerson youngPerson(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    return new YoungPerson(invite.getString("careLeaverId"), fixtures.joined(invite, name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6)));
  }

  private static String sendFrame(String clientId, String text) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", text).encode();
  }

  /** The texts of the care leaver's own messages, read back over a normal socket. */
  private static String storedTexts(YoungPerson person) {
    try (TestSocket socket = TestSocket.connect(harbour, person.session())) {
      socket.next("welcome");
      socket.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      return socket.next("history").getJsonArray("messages").encode();
    }
  }

  @Test
  @DisplayName("a text frame with RSV1 on a socket that negotiated no extension fails the connection with 1002 and stores nothing")
  void rsv1WithoutExtension() {
    YoungPerson jay = youngPerson("Jay");
    try (RawWebSocket raw = RawWebSocket.connect(harbour, jay.session(), null)) {
      assertEquals("", raw.extensions());
      assertTrue(raw.nextText().text().contains("\"welcome\""));
      raw.sendText(sendFrame("rsv-1", "smuggled with RSV1"), true);
      RawWebSocket.Frame close = raw.nextText();
      assertNotNull(close, "a close frame before the connection ends");
      assertEquals(0x8, close.opcode(), "a close frame, not " + close.text());
      assertEquals(1002, close.closeCode());
      RawWebSocket.Frame after = raw.next();
      assertNull(after, "then the server closes the TCP connection: " + (after == null ? "" : after.closeCode() + " " + after.text()));
    }
    assertFalse(storedTexts(jay).contains("smuggled"), "nothing stored");
  }

  @Test
  @DisplayName("RSV2 or RSV3 fail the connection too, compressed or not")
  void otherReservedBits() {
    YoungPerson kim = youngPerson("Kim");
    try (RawWebSocket raw = RawWebSocket.connect(harbour, kim.session(), "permessage-deflate")) {
      raw.nextText();
      byte[] payload = sendFrame("rsv-2", "smuggled with RSV2").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      raw.sendRsv(payload, 0x20);
      RawWebSocket.Frame close = raw.nextText();
      assertNotNull(close);
      assertEquals(1002, close.closeCode());
    }
    assertFalse(storedTexts(kim).contains("smuggled"), "nothing stored");
  }

  @Test
  @DisplayName("a client that negotiated permessage-deflate sends and receives compressed frames")
  void negotiatedCompressionWorks() {
    YoungPerson lee = youngPerson("Lee");
    try (RawWebSocket raw = RawWebSocket.connect(harbour, lee.session(), "permessage-deflate; client_max_window_bits")) {
      assertTrue(raw.extensions().startsWith("permessage-deflate"), raw.extensions());
      assertTrue(raw.nextText().text().contains("\"welcome\""));
      raw.sendCompressed(sendFrame("deflated-1", "sent compressed"));
      RawWebSocket.Frame ack;
      do {
        ack = raw.nextText();
        assertNotNull(ack, "the connection stays open");
      } while (!ack.text().contains("\"ack\""));
      assertEquals("deflated-1", new JsonObject(ack.text()).getString("clientId"));
      raw.sendText(sendFrame("plain-1", "sent plain on the same socket"), false);
      do {
        ack = raw.nextText();
        assertNotNull(ack, "the connection stays open");
      } while (!ack.text().contains("\"ack\""));
      assertEquals("plain-1", new JsonObject(ack.text()).getString("clientId"));
    }
    String stored = storedTexts(lee);
    assertTrue(stored.contains("sent compressed") && stored.contains("sent plain on the same socket"), stored);
  }

  @Test
  @DisplayName("a text frame that is not UTF-8 fails the connection with 1007 and stores nothing, where it used to store U+FFFD")
  void invalidUtf8() {
    YoungPerson jay = youngPerson("Jay");
    try (RawWebSocket raw = RawWebSocket.connect(harbour, jay.session(), null)) {
      assertTrue(raw.nextText().text().contains("\"welcome\""));
      byte[] frame = sendFrame("utf8-1", "bad byte here: X").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int at = new String(frame, java.nio.charset.StandardCharsets.UTF_8).indexOf('X');
      frame[at] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
      raw.sendText(frame, false);
      RawWebSocket.Frame close = raw.nextText();
      assertNotNull(close, "a close frame before the connection ends");
      assertEquals(0x8, close.opcode(), "a close frame, not " + close.text());
      assertEquals(1007, close.closeCode());
    }
    assertFalse(storedTexts(jay).contains("bad byte"), "nothing stored");
  }
}
