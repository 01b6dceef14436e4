package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * An admin disables a member of staff who is signed in, on shift and holding conversations: their
 * sessions end at once, the young people they held reach someone else at once (not after the
 * disconnect grace), and they leave the on-call view, alert audiences and routing, as if off shift.
 */
@Timeout(120)
class DisabledStaffTest extends WednesdayEveningTestBase {

  private TestSession admin() {
    fixtures.staff("ada", Role.ADMIN);
    return fixtures.signedIn("ada");
  }

  private static void setActive(TestSession admin, String username, boolean active) {
    assertEquals(200, admin.json(HttpMethod.PATCH, "/api/staff/" + username, new JsonObject().put("active", active)).statusCode());
  }

  /**
   * Jay, whose PA Sam is disabled, writes at 23:30 and has the honest reply; {@code dutyManager}:
   * the office-hours duty manager on the rota (null for none).
   */
  private YoungPerson nightWithPaDisabled(String dutyManager) {
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    if (dutyManager != null) {
      JsonObject rota = Rotas.wednesdayEvening();
      rota.getJsonArray("officeHours").getJsonObject(0).put("dutyManager", dutyManager);
      Rotas.use(harbour, rota);
    }
    setActive(admin, "sam", false);
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "I lost my job today");
    }
    eventually(jay.id(), Conversation::autoRepliedThisEpisode);
    return jay;
  }

  private List<Message> escalations(String id) {
    return stored(id, MessageKind.ALERT).stream().filter(m -> m.event() != null && "escalated".equals(m.event().type())).toList();
  }

  /** Whom a stored alert names as told. */
  private static JsonArray alertedTo(Message alert) {
    return alert.event() == null ? new JsonArray() : uk.harbour.chat.ConversationEventJson.toJson(alert.event()).getJsonArray("to");
  }

  @Test
  @DisplayName("An answered conversation whose adviser is disabled, with nobody free, is picked up by the next adviser free, and the young person told who has it")
  void answeredConversationOfADisabledAdviserIsPickedUp() {
    startAt("18:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      setStatus(priya, "priya", "busy");
      aliAnswers(jay, young, ali);
      eventually(jay.id(), c -> !c.awaitingReply());

      setActive(admin, "ali", false);
      sweepAt("18:01");
      assertNull(eventually(jay.id(), c -> c.assignedTo() == null).assignedTo(), "back in the queue: Priya is busy");
      setStatus(priya, "priya", "available");
      sweepAt("18:02");
      assertEquals("priya", eventually(jay.id(), c -> c.assignedTo() != null).assignedTo());
      young.next(f -> "message".equals(f.getString("type")) && "Priya is on call and has picked up your conversation.".equals(f.getJsonObject("message").getString("text")));
      assertEquals(0, stored(jay.id(), MessageKind.AUTO_REPLY).size(), "Jay was not waiting for a reply: no auto-reply");
    }
  }

  @Test
  @DisplayName("Disabling an on-call adviser ends their HTTP session (401) and closes their socket with 1008")
  void sessionsEndAtOnce() {
    startAt("18:00");
    TestSession admin = admin();
    TestSession aliHttp = fixtures.signedIn("ali");
    TestSocket ali = TestSocket.connect(harbour, aliHttp);
    ali.next("welcome");
    assertEquals(200, aliHttp.get("/api/me").statusCode());

    setActive(admin, "ali", false);

    assertEquals(1008, ali.awaitClose());
    assertEquals(401, aliHttp.get("/api/me").statusCode());
    assertEquals(401, aliHttp.signInStaff("ali", Fixtures.PASSWORD).statusCode(), "and cannot sign in again");
  }

  @Test
  @DisplayName("A disabled adviser's conversations move on at once, answered or not, with their acknowledgement; new work skips them")
  void conversationsMoveOffAtOnce() {
    startAt("18:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    YoungPerson kay = youngPerson("Kay");
    YoungPerson lee = youngPerson("Lee");
    TestSocket ali = staffSocket("ali");
    try (TestSocket jaySocket = careLeaverSocket(jay); TestSocket kaySocket = careLeaverSocket(kay); TestSocket leeSocket = careLeaverSocket(lee)) {
      clock.setLocal("2026-11-25T18:02");
      say(jaySocket, "hi is anyone there");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      reply(ali, jay.id(), "Hi Jay, I'm here", "text");
      eventually(jay.id(), c -> !c.awaitingReply());
      say(kaySocket, "can someone help me");
      eventually(kay.id(), c -> "ali".equals(c.assignedTo()));
      sweepAt("18:12");
      assertEquals(1, conversation(kay.id()).escalationLevel());
      ali.send(new JsonObject().put("type", "acknowledge").put("conversationId", kay.id()));
      eventually(kay.id(), c -> "ali".equals(c.acknowledgedBy()));

      try (TestSocket priya = staffSocket("priya")) {
        clock.setLocal("2026-11-25T18:13");
        setActive(admin, "ali", false);
        assertEquals(1008, ali.awaitClose());

        // No sweep run by the test, and well within the 60 s disconnect grace: the change itself moves them.
        Conversation kayNow = eventually(kay.id(), c -> "priya".equals(c.assignedTo()));
        assertNull(kayNow.acknowledgedBy(), "Ali's \"I've got this\" went with her");
        Conversation jayNow = eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
        assertTrue(stored(jay.id()).stream().anyMatch(m -> m.event() != null && "transferred".equals(m.event().type())
            && m.text().contains("Ali is no longer online") && m.text().contains("Priya")), "Jay is told who has them now");
        assertEquals("priya", jayNow.assignedTo());

        // Lee writes 30 s later: Ali has fewer conversations and dropped off only 30 s ago, but is disabled.
        clock.setLocal("2026-11-25T18:13:30");
        say(leeSocket, "hello?");
        assertEquals("priya", eventually(lee.id(), c -> c.assignedTo() != null).assignedTo());

        JsonObject staffView = priya.next(f -> "oncall".equals(f.getString("type"))
            && f.getJsonObject("onCall").getJsonArray("onCall").stream().noneMatch(a -> "ali".equals(((JsonObject) a).getString("username"))))
            .getJsonObject("onCall");
        assertTrue(staffView.getJsonArray("advisers").stream().noneMatch(a -> "ali".equals(((JsonObject) a).getString("username"))),
            "not offered as a transfer target");
        JsonObject youngView = jay.session().get("/api/on-call").bodyAsJsonObject();
        assertEquals("Priya", youngView.getJsonObject("now").getString("firstName"), "the young person is not told Ali is on call");

        // Kay's wait, no longer acknowledged, goes on up the ladder from its rung, to Priya.
        sweepAt("18:17");
        assertEquals(2, conversation(kay.id()).escalationLevel());
        priya.next(f -> "alert".equals(f.getString("type")) && kay.id().equals(f.getString("conversationId")) && f.getInteger("level") == 2);
      }
    }
  }

  @Test
  @DisplayName("A disabled backup is an empty rung: the first alert climbs to the duty manager, and names nobody disabled")
  void disabledBackupIsSkipped() {
    startAt("18:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    setActive(admin, "sam", false);
    try (TestSocket ali = staffSocket("ali"); TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T18:02");
      say(young, "hello");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      sweepAt("18:12");
      List<Message> alerts = escalations(jay.id());
      assertEquals(1, alerts.size());
      JsonArray to = alertedTo(alerts.get(0));
      assertFalse(to.contains("sam"), "Sam is disabled: " + to);
      assertTrue(to.contains("jo"), "the duty manager is told at the first alert, as for a backup off sick: " + to);
      jo.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
    }
  }

  @Test
  @DisplayName("A young person whose PA is disabled: not routed to the PA in office hours, and /people tells a manager they need a new PA")
  void disabledPa() {
    startAt("10:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    TestSession jo = fixtures.signedIn("jo");
    TestSocket samSocket = staffSocket("sam");
    try (TestSocket young = careLeaverSocket(jay)) {
      setActive(admin, "sam", false);
      assertEquals(1008, samSocket.awaitClose());
      clock.setLocal("2026-11-25T10:00:30");
      say(young, "hi sam");
      Conversation conv = eventually(jay.id(), c -> c.autoRepliedThisEpisode() || c.assignedTo() != null);
      assertNotEquals("sam", conv.assignedTo(), "a disabled PA gets no work, even within the disconnect grace");

      JsonObject person = jo.get("/api/care-leavers/" + jay.id()).bodyAsJsonObject();
      assertEquals("sam", person.getString("paUsername"));
      assertEquals(false, person.getBoolean("paActive"), "the API says the PA's account is disabled");
      String page = jo.get("/people").bodyAsString();
      assertTrue(page.contains("needs a new PA"), "the /people page says so");

      // Jo gives Jay a new PA; Ali is at work and online.
      try (TestSocket ali = staffSocket("ali")) {
        assertEquals(200, jo.json(HttpMethod.PUT, "/api/care-leavers/" + jay.id() + "/pa", new JsonObject().put("paUsername", "ali")).statusCode());
        assertEquals(true, jo.get("/api/care-leavers/" + jay.id()).bodyAsJsonObject().getBoolean("paActive"));
        sweepAt("10:01");
        assertEquals("ali", eventually(jay.id(), c -> c.assignedTo() != null).assignedTo());
      }
    }
  }

  @Test
  @DisplayName("In office hours, an alert for a young person whose PA is disabled names nobody disabled; with no office-hours duty manager it goes to the team's managers")
  void disabledPaInOfficeHoursAlertsTheManagers() {
    startAt("10:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    setActive(admin, "sam", false);
    try (TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T10:00:30");
      say(young, "hi sam");
      sweepAt("10:11");
      List<Message> alerts = escalations(jay.id());
      assertEquals(1, alerts.size(), "the wait is alerted, not passed by as if nobody were at work");
      assertEquals(new JsonArray().add("jo"), alertedTo(alerts.get(0)), "Sam is disabled, and office hours have no duty manager on this rota");
      jo.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
    }
  }

  @Test
  @DisplayName("That alert goes to the young person's team's managers, not another team's; with none of theirs at work, another team's manager is told and may open the conversation")
  void officeHoursFallbackIsTheTeamsManagers() {
    startAt("10:00");
    managerOfAnotherTeam("far", "Far");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    setActive(admin, "sam", false);
    try (TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T10:00:30");
      say(young, "hi sam");
      sweepAt("10:11");
      assertEquals(new JsonArray().add("jo"), alertedTo(escalations(jay.id()).get(0)), "Jo manages Jay's team; Far another");

      setActive(admin, "jo", false);
      try (TestSocket far = staffSocket("far")) {
        sweepAt("10:17");
        List<Message> alerts = escalations(jay.id());
        assertEquals(new JsonArray().add("far"), alertedTo(alerts.get(alerts.size() - 1)), "nobody of Jay's team is at work: somebody must be told");
        far.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
        assertEquals(jay.id(), open(far, jay.id()).getString("conversationId"), "the alerted manager can open it");
      }
    }
  }

  @Test
  @DisplayName("With the PA disabled and no active manager either, an office-hours alert is unseen: stored naming nobody, logged and counted, and the young person is told honestly")
  void officeHoursAlertWithNobodyToTell() {
    startAt("10:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    setActive(admin, "sam", false);
    setActive(admin, "jo", false);
    long unseenBefore = harbour.harbour().services().routing().unseenAlerts();
    try (TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T10:00:30");
      say(young, "hi sam");
      sweepAt("10:11");
      List<Message> alerts = escalations(jay.id());
      assertEquals(1, alerts.size(), "the wait is alerted, not passed by as if nobody were at work");
      assertEquals(new JsonArray(), alertedTo(alerts.get(0)));
      assertTrue(alerts.get(0).text().contains("sent to nobody"), alerts.get(0).text());
      assertEquals(unseenBefore + 1, harbour.harbour().services().routing().unseenAlerts(), "an alert nobody can see is counted");
      young.next(nobodyOnline());
    }
  }

  @ParameterizedTest(name = "office-hours duty manager on the rota: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName("The morning handover item for a young person whose PA is disabled goes to the office-hours duty manager (or, with none, the managers), saying they need a new PA;"
      + " a manager who opens the console later still finds it, though the conversation was resolved overnight, and may pick it up")
  void disabledPasHandoverGoesToAManager(boolean officeHoursDutyManager) {
    startAt("23:30");
    YoungPerson jay = nightWithPaDisabled(officeHoursDutyManager ? "jo" : null);
    try (TestSocket jo = staffSocket("jo")) {
      jo.send(new JsonObject().put("type", "read").put("conversationId", jay.id()).put("seq", conversation(jay.id()).lastSeq()));
      jo.send(new JsonObject().put("type", "resolve").put("conversationId", jay.id()));
      eventually(jay.id(), c -> c.status() == ConversationStatus.RESOLVED);
      clock.setLocal("2026-11-26T09:00");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      JsonObject item = jo.next("handover");
      assertTrue(item.getString("text").contains("Out-of-hours handover for Sam (whose account is disabled: Jay needs a new PA)"), item.getString("text"));
    }
    try (TestSocket jo = staffSocket("jo")) {
      jo.send(new JsonObject().put("type", "queue"));
      JsonObject inQueue = jo.next("queue").getJsonArray("conversations").stream().map(JsonObject.class::cast)
          .filter(c -> jay.id().equals(c.getString("id"))).findFirst().orElseThrow(() -> new AssertionError("the resolved conversation with the managers' item is in the queue"));
      assertTrue(inQueue.getBoolean("paHandoverPending") && inQueue.getBoolean("handoverToManagers"), inQueue.encode());
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> !c.paHandoverPending());
      assertTrue(stored(jay.id(), MessageKind.ALERT).stream().anyMatch(m -> m.event() instanceof ConversationEvent.HandoverDone done && "jo".equals(done.by())));
    }
  }

  @Test
  @DisplayName("That item, given to an office-hours duty manager of another team, is theirs to open and pick up")
  void handoverItemToAnotherTeamsDutyManager() {
    startAt("23:30");
    managerOfAnotherTeam("far", "Far");
    YoungPerson jay = nightWithPaDisabled("far");
    try (TestSocket far = staffSocket("far")) {
      clock.setLocal("2026-11-26T09:00");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      far.next("handover");
      JsonObject opened = open(far, jay.id());
      assertEquals("history", opened.getString("type"), "Far was given the item: " + opened);
      far.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> !c.paHandoverPending());
    }
  }

  @Test
  @DisplayName("A PA disabled after their morning handover item was made: the item is made again for the managers at the next sweep, once, and they may pick it up")
  void itemOfAPaDisabledLaterGoesToTheManagers() {
    startAt("23:30");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = careLeaverSocket(jay)) {
      say(young, "I lost my job today");
    }
    eventually(jay.id(), Conversation::autoRepliedThisEpisode);
    clock.setLocal("2026-11-26T09:00");
    RunningHarbour.await(harbour.harbour().services().routing().sweep());
    eventually(jay.id(), Conversation::paHandoverPending);
    assertFalse(conversation(jay.id()).paHandoverToManagers(), "Sam's own while Sam may work");

    try (TestSocket jo = staffSocket("jo")) {
      setActive(admin(), "sam", false);
      clock.setLocal("2026-11-26T09:10");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      JsonObject item = jo.next("handover");
      assertTrue(item.getString("text").contains("Out-of-hours handover for Sam (whose account is disabled: Jay needs a new PA)"), item.getString("text"));
      assertTrue(conversation(jay.id()).paHandoverToManagers());
      clock.setLocal("2026-11-26T09:20");
      RunningHarbour.await(harbour.harbour().services().routing().sweep());
      assertEquals(2, stored(jay.id(), MessageKind.ALERT).stream().filter(m -> m.event() instanceof ConversationEvent.PaHandover).count(),
          "made again once, not at every sweep");
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> !c.paHandoverPending());
    }
  }

  @Test
  @DisplayName("A manager's \"I've got this\" holds the alerts back no longer once their account is disabled")
  void disabledManagersAcknowledgementLapsesAtOnce() {
    startAt("18:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    // No adviser has Harbour open, so nobody is given Jay's message.
    try (TestSocket jo = staffSocket("jo"); TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T18:02");
      say(young, "please can someone reply");
      sweepAt("18:12");
      assertEquals(1, escalations(jay.id()).size(), "the first alert at the SLA");
      clock.setLocal("2026-11-25T18:13");
      jo.send(new JsonObject().put("type", "acknowledge").put("conversationId", jay.id()));
      eventually(jay.id(), c -> "jo".equals(c.acknowledgedBy()));
    }
    setActive(admin, "jo", false);
    sweepAt("18:14");
    List<Message> alerts = escalations(jay.id());
    assertEquals(2, alerts.size(), "not 30 minutes later: Jo can no longer reply");
    assertNull(conversation(jay.id()).acknowledgedBy());
    // The sweep the disable triggers and the test's own race to store it: "just now" or "1 minute ago".
    assertTrue(alerts.get(1).text().matches(".*Jo, who said \"I've got this\" (just now|1 minute ago), can no longer reply \\(account disabled\\)\\..*"),
        alerts.get(1).text());
  }

  @Test
  @DisplayName("Re-enabled, an adviser does not get back the conversations that moved off them")
  void reEnabledGetsNothingBack() {
    startAt("18:00");
    TestSession admin = admin();
    YoungPerson jay = youngPerson("Jay");
    TestSocket ali = staffSocket("ali");
    try (TestSocket priya = staffSocket("priya"); TestSocket young = careLeaverSocket(jay)) {
      clock.setLocal("2026-11-25T18:02");
      say(young, "hi");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      setActive(admin, "ali", false);
      ali.awaitClose();
      eventually(jay.id(), c -> "priya".equals(c.assignedTo()));
      clock.setLocal("2026-11-25T18:04");
      setActive(admin, "ali", true);
      try (TestSocket aliAgain = staffSocket("ali")) {
        sweepAt("18:05");
        assertEquals("priya", conversation(jay.id()).assignedTo());
        Eventually.eventually(() -> harbour.harbour().services().routing().view().forStaff().getJsonArray("onCall").stream()
            .anyMatch(a -> "ali".equals(((JsonObject) a).getString("username"))));
      }
    }
  }
}
