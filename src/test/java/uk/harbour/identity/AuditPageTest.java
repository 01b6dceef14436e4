package uk.harbour.identity;

import uk.harbour.audit.AuditAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccounts.NewStaff;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;

@DisplayName("The audit page speaks plain English")
@Timeout(60)
class AuditPageTest {

  private static final String LONG_LOOPBACK = "0:0:0:0:0:0:0:1";
  private static final Pattern ROW = Pattern.compile("<tr class=\"audit-entry\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

  private static RunningHarbour harbour;
  private static String jayId;

  @BeforeAll
  static void start() {
    harbour = RunningHarbour.start(TestClock.at("2026-11-25T21:00"));
    Fixtures fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    await(harbour.harbour().services().identity().staffAccounts()
        .create(Actor.system(), new NewStaff("kim", "Kim Lee", Role.MANAGER, "another-team", Fixtures.PASSWORD)));
    TestSession sam = fixtures.signedIn("sam");
    jayId = fixtures.careLeaver(sam, "Jay").getString("careLeaverId");
    // A console opened over IPv6 loopback: the address as Vert.x reports it.
    await(harbour.harbour().services().audit().append(new Actor("sam", "ADVISER", LONG_LOOPBACK), AuditAction.CONVERSATION_VIEWED, jayId, new JsonObject()));
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  /** The first five cells (when, who, what, about, from) of each row, tags removed. */
  private static List<List<String>> rows(String html) {
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(1));
      while (cell.find() && cells.size() < 5) {
        cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> rowFor(List<List<String>> rows, String what) {
    return rows.stream().filter(r -> r.get(2).equals(what)).findFirst().orElseThrow(() -> new AssertionError("no row says " + what + ": " + rows));
  }

  @Test
  @DisplayName("Actions in words, people by name, a readable address, and the raw values folded away")
  void plainWordsNamesAndAddresses() {
    String html = new Fixtures(harbour).signedIn("jo").get("/audit").bodyAsString();
    List<List<String>> rows = rows(html);

    List<String> viewed = rowFor(rows, "Viewed a conversation");
    assertEquals("Sam (adviser)", viewed.get(1));
    assertEquals("Jay", viewed.get(3));
    assertEquals("this computer (localhost)", viewed.get(4));

    List<String> added = rowFor(rows, "Added a young person");
    assertEquals("Sam (adviser)", added.get(1));
    assertEquals("Jay", added.get(3));

    List<String> signedIn = rowFor(rows, "Signed in");
    assertEquals("this computer (localhost)", signedIn.get(4), "127.0.0.1 is this computer too");
    assertEquals("Added a member of staff", rowFor(rows, "Added a member of staff").get(2));
    assertEquals("Harbour", rowFor(rows, "Added a member of staff").get(1));

    for (List<String> row : rows) {
      assertFalse(row.get(2).matches("[A-Z_]+"), "a code where words belong: " + row);
    }
    assertFalse(html.contains(LONG_LOOPBACK), "the long IPv6 form appears nowhere");
    assertTrue(html.contains("<code>CONVERSATION_VIEWED</code>"), "the action code is kept for those who need it");
    assertTrue(html.contains("<code>" + jayId + "</code>"), "so is the young person's id");
    assertTrue(html.contains("<code>::1</code>"), "and the exact address, in its short form");
    assertTrue(html.contains("<option value=\"CONVERSATION_VIEWED\">Viewed a conversation</option>"), "the filter lists words too");
  }

  @Test
  @DisplayName("A manager of another team sees the young person's id, not their name")
  void namesOnlyForThoseWhoMaySeeThem() {
    List<String> viewed = rowFor(rows(new Fixtures(harbour).signedIn("kim").get("/audit").bodyAsString()), "Viewed a conversation");
    assertEquals(jayId, viewed.get(3));
    assertEquals("Sam (adviser)", viewed.get(1), "staff names are not secret");
  }

  @Test
  @DisplayName("The JSON API keeps the stored codes, ids and address")
  void apiUnchanged() {
    JsonArray events = new Fixtures(harbour).signedIn("jo").get("/api/audit?action=CONVERSATION_VIEWED").bodyAsJsonObject().getJsonArray("events");
    JsonObject viewed = events.getJsonObject(0);
    assertEquals("CONVERSATION_VIEWED", viewed.getString("action"));
    assertEquals("sam", viewed.getString("actorId"));
    assertEquals("ADVISER", viewed.getString("actorRole"));
    assertEquals(jayId, viewed.getString("subjectId"));
    assertEquals(LONG_LOOPBACK, viewed.getString("address"));
  }
}
