package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

/**
 * What a young person's status line is made from ({@code GET /api/on-call} and the oncall frame),
 * in each state it must tell apart: office hours with their PA online or not, on call available or
 * busy or nobody, resolved. Wednesday 25 November 2026 with {@link Rotas#wednesdayEvening()}.
 */
@DisplayName("The care leaver's on-call information")
@Timeout(120)
class CareLeaverOnCallTest {

  private RunningHarbour harbour;
  private final List<TestSocket> sockets = new ArrayList<>();
  private TestSession young;
  private TestSocket youngSocket;
  private String conversationId;
  private TestSession pa;

  @AfterEach
  void stop() {
    sockets.forEach(TestSocket::close);
    harbour.close();
  }

  /** Jay, whose PA is Sam, has written once; at a Wednesday time. */
  private void jayWroteAt(String wednesdayTime) {
    Fixtures fixtures = staffedAt(wednesdayTime);
    JsonObject invite = fixtures.careLeaver(pa, "Jay");
    conversationId = invite.getString("careLeaverId");
    young = fixtures.joined(invite, "jay-oncall");
    youngSocket = socket(young);
    youngSocket.send(new JsonObject().put("type", "send").put("clientId", "first").put("text", "Hello?"));
    youngSocket.next("ack");
  }

  /** Harbour at a Wednesday time with the evening's staff and rota, Sam (Jay's PA to be) signed in. */
  private Fixtures staffedAt(String wednesdayTime) {
    harbour = RunningHarbour.start(TestClock.at("2026-11-25T" + wednesdayTime));
    Fixtures fixtures = new Fixtures(harbour);
    for (String adviser : List.of("sam", "ali", "priya")) {
      fixtures.staff(adviser, Role.ADVISER);
    }
    fixtures.staff("jo", Role.MANAGER);
    Rotas.use(harbour, Rotas.wednesdayEvening());
    pa = fixtures.signedIn("sam");
    return fixtures;
  }

  private TestSocket socket(TestSession session) {
    TestSocket socket = TestSocket.connect(harbour, session);
    socket.next("welcome");
    sockets.add(socket);
    return socket;
  }

  private JsonObject onCall() {
    var response = young.get("/api/on-call");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("In office hours it says whether their own PA is online, by first name")
  void officeHoursPaOnlineOrNot() {
    jayWroteAt("11:00");
    JsonObject offline = onCall();
    assertTrue(offline.getBoolean("officeHours"));
    assertEquals(new JsonObject().put("firstName", "Sam").put("available", false), offline.getJsonObject("pa"));
    assertNull(offline.getString("nextAtText"));

    socket(pa);
    Eventually.eventually(() -> onCall().getJsonObject("pa").getBoolean("available"));
  }

  @Test
  @DisplayName("Their own PA is named by first name even before Jay has written, when nothing has looked the PA's name up yet")
  void paNamedBeforeTheFirstMessage() {
    Fixtures fixtures = staffedAt("11:00");
    young = fixtures.joined(fixtures.careLeaver(pa, "Jay"), "jay-named");

    assertEquals("Sam", onCall().getJsonObject("pa").getString("firstName"));
  }

  @Test
  @DisplayName("On call, it says whether anyone on call is available: not signed in or busy is not available")
  void onCallAvailableOrBusy() {
    jayWroteAt("18:00");
    JsonObject nobodySignedIn = onCall();
    assertFalse(nobodySignedIn.getBoolean("officeHours"));
    assertEquals(false, nobodySignedIn.getJsonObject("now").getBoolean("available"));
    assertEquals(1, nobodySignedIn.getInteger("queuePosition"));

    Fixtures fixtures = new Fixtures(harbour);
    TestSocket ali = socket(fixtures.signedIn("ali"));
    ali.send(new JsonObject().put("type", "presence").put("status", "busy"));
    TestSocket priya = socket(fixtures.signedIn("priya"));
    priya.send(new JsonObject().put("type", "presence").put("status", "busy"));
    Eventually.eventually(() -> {
      JsonObject busy = onCall();
      return busy.getJsonObject("now").getBoolean("available") == false && busy.getString("talkingWith") == null;
    });

    priya.send(new JsonObject().put("type", "presence").put("status", "available"));
    Eventually.eventually(() -> onCall().getJsonObject("now").getBoolean("available"));
    assertEquals("Priya", onCall().getJsonObject("now").getString("firstName"), "named: the one available, not the first on the rota (Ali, busy)");
  }

  @Test
  @DisplayName("With nobody on shift it says when the next person starts, in the auto-reply's own words")
  void nobodyOnShift() {
    jayWroteAt("23:30");
    JsonObject nobody = onCall();
    assertNull(nobody.getValue("now"));
    assertEquals("9am tomorrow", nobody.getString("nextAtText"));
    JsonObject autoReply = youngSocket.next(f -> "message".equals(f.getString("type")) && "auto_reply".equals(f.getJsonObject("message").getString("kind")));
    assertTrue(autoReply.getJsonObject("message").getString("text").contains("The next person starts at 9am tomorrow"), autoReply.encode());
  }

  @Test
  @DisplayName("Once resolved, nobody is 'talking with' them, and their screen is told at once")
  void resolvedNamesNobody() {
    jayWroteAt("11:00");
    TestSocket sam = socket(pa);
    sam.send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("clientId", "r1").put("text", "Hi Jay"));
    sam.next("ack");
    Eventually.eventually(() -> "Sam".equals(onCall().getString("talkingWith")));

    sam.send(new JsonObject().put("type", "resolve").put("conversationId", conversationId));
    JsonObject told = youngSocket.next(f -> "oncall".equals(f.getString("type")) && "resolved".equals(f.getJsonObject("onCall").getString("status")));
    assertNull(told.getJsonObject("onCall").getString("talkingWith"));
    assertEquals("resolved", onCall().getString("status"));
    assertNull(onCall().getString("talkingWith"));
  }
}
