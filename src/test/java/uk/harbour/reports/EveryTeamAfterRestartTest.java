package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.testing.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

/**
 * An admin's report over every team reads the teams the report records name, not the teams of the
 * conversations held in memory: after a restart, a team whose conversations are all resolved and a
 * week quiet (resting in the store, not loaded) keeps its history in the admin's figures.
 */
@Timeout(120)
class EveryTeamAfterRestartTest {

  private static final ReportQuery FORTNIGHT = new ReportQuery(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-03"),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  private RunningHarbour harbour = RunningHarbour.start(TestClock.at("2026-11-25T21:00"));
  private SignedIn admin;

  @BeforeEach
  void oneResolvedEpisode() {
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    TestSession sam = fixtures.signedIn("sam");
    JsonObject invite = fixtures.careLeaver(sam, "Jay");
    String jay = invite.getString("careLeaverId");
    TestSession jaySession = fixtures.joined(invite, "jay-every-team");
    try (TestSocket young = TestSocket.connect(harbour, jaySession); TestSocket staff = TestSocket.connect(harbour, sam)) {
      young.next("welcome");
      staff.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", "c1").put("text", "hello"));
      young.next("ack");
      staff.send(new JsonObject().put("type", "read").put("conversationId", jay).put("seq", 1));
      staff.send(new JsonObject().put("type", "resolve").put("conversationId", jay));
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getJsonObject("event") != null
          && "resolved".equals(f.getJsonObject("message").getJsonObject("event").getString("type")));
    }
    admin = new SignedIn("alex", Role.ADMIN, "Alex", null, harbour.clock().instant());
    eventually(() -> RunningHarbour.await(reports().summary(admin, FORTNIGHT)), s -> s.getInteger("episodes") == 1);
  }

  @AfterEach
  void stop() {
    harbour.close();
  }

  @Test
  @DisplayName("A quiet team's history stays in the every-team report, the team list and the warm cache after a restart")
  void quietTeamKeepsItsHistoryAfterARestart() {
    restartAWeekLater();
    assertEquals(1, summaryOf(Optional.of(Fixtures.TEAM)).getInteger("episodes"), "the team's own report has the episode");
    assertEquals(1, summaryOf(Optional.empty()).getInteger("episodes"), "so does every team's");
    assertEquals(List.of(Fixtures.TEAM), RunningHarbour.await(reports().teams(admin)));
  }

  @Test
  @DisplayName("A store whose roll-ups name no teams (written before they did) has them recorded from every conversation at start")
  void storeWithoutTeamsRecordHasThemRecordedAtStart() {
    RunningHarbour.await(harbour.harbour().services().store().client().removeDocuments("report_days", new JsonObject().put("_id", "#teams")));
    restartAWeekLater();
    assertEquals(1, summaryOf(Optional.empty()).getInteger("episodes"));
  }

  /** Nothing new for eight days, then a restart (a deploy): Jay's conversation rests in the store. */
  private void restartAWeekLater() {
    harbour.clock().advance(Duration.ofDays(8));
    harbour = harbour.restart();
    RunningHarbour.await(harbour.harbour().services().reports().writer().caughtUp());
  }

  private JsonObject summaryOf(Optional<String> team) {
    return RunningHarbour.await(reports().summary(admin, FORTNIGHT.forTeam(team)));
  }

  private Reports reports() {
    return harbour.harbour().services().reports().reports();
  }
}
