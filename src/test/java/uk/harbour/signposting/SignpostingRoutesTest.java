package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;

@DisplayName("Signposting over real HTTP and WebSockets")
@Timeout(120)
class SignpostingRoutesTest {

  private static final String XSS = "<script>alert(1)</script>";
  private static RunningHarbour harbour;
  private static Fixtures fixtures;
  private static TestSession sam;
  private static TestSession jo;
  private static TestSession alex;

  @BeforeAll
  static void start() {
    // A Tuesday evening: offices shut, crisis lines open.
    harbour = RunningHarbour.start(TestClock.at("2026-11-24T20:00"));
    fixtures = new Fixtures(harbour);
    fixtures.staff("sam", Role.ADVISER);
    fixtures.staff("jo", Role.MANAGER);
    fixtures.staff("alex", Role.ADMIN);
    sam = fixtures.signedIn("sam");
    jo = fixtures.signedIn("jo");
    alex = fixtures.signedIn("alex");
  }

  @AfterAll
  static void stop() {
    harbour.close();
  }

  private record YoungPerson(String id, TestSession session) {}

  private static YoungPerson youngPerson(String name) {
    JsonObject invite = fixtures.careLeaver(sam, name);
    return new YoungPerson(invite.getString("careLeaverId"), fixtures.joined(invite, "yp-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  private static JsonObject error(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error");
  }

  @Test
  @DisplayName("Help now works signed out: crisis help first, tel: links, the council's line, and no save buttons")
  void helpSignedOut() {
    TestSession anonymous = new TestSession(harbour);
    var response = anonymous.get("/help");
    assertEquals(200, response.statusCode());
    String html = response.bodyAsString();
    int crisis = html.indexOf("If you need help urgently");
    int open = html.indexOf("Open right now");
    int topics = html.indexOf("More help, by topic");
    assertTrue(crisis > 0 && crisis < open && open < topics, "crisis, then open now, then topics");
    assertTrue(html.indexOf("Samaritans") < open, "Samaritans is in the crisis section");
    assertTrue(html.contains("href=\"tel:116123\""));
    assertTrue(html.contains("Demo Borough Council out-of-hours emergency line"));
    assertFalse(html.contains("Save to My saved help"));
    assertEquals(1, html.split("<script src", -1).length - 1, "one script on the Help now page, quick exit's: " + html);
    String assets = "/static/v/" + harbour.harbour().services().pages().assetVersion();
    assertTrue(html.contains("<script src=\"" + assets + "/js/quick-exit.js\" defer></script>"), html);
    assertTrue(html.length() < 120_000, "small page: " + html.length());
  }

  @Test
  @DisplayName("Help now search shows results and escapes the search words")
  void helpSearch() {
    TestSession anonymous = new TestSession(harbour);
    String html = anonymous.get("/help?q=" + java.net.URLEncoder.encode("uni " + XSS, java.nio.charset.StandardCharsets.UTF_8)).bodyAsString();
    assertTrue(html.contains("Results for"));
    assertTrue(html.contains("Propel"));
    assertFalse(html.contains(XSS));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals(400, anonymous.get("/help?q=" + "x".repeat(101)).statusCode());
  }

  @Test
  @DisplayName("a card sent by the PA is stored once, arrives over the WebSocket and renders personally for the care leaver")
  void sendCard() {
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket young = TestSocket.connect(harbour, jay.session())) {
      young.next("welcome");
      String clientId = UUID.randomUUID().toString();
      var sent = sam.post("/api/conversations/" + jay.id() + "/cards", new JsonObject().put("entryId", "samaritans").put("clientId", clientId));
      assertEquals(201, sent.statusCode(), sent.bodyAsString());
      JsonObject message = sent.bodyAsJsonObject().getJsonObject("message");
      assertEquals("card", message.getString("kind"));
      assertEquals("Samaritans", message.getString("text"));

      JsonObject delivered = young.next(f -> "message".equals(f.getString("type")) && "card".equals(f.getJsonObject("message").getString("kind"))).getJsonObject("message");
      JsonObject card = delivered.getJsonObject("card");
      assertEquals(Set.of("entryId", "version", "title", "html", "text"), card.fieldNames());
      assertEquals("samaritans", card.getString("entryId"));
      assertTrue(card.getString("html").contains("Hi Jay, this might help."));
      assertTrue(card.getString("html").contains("href=\"tel:116123\""));
      assertTrue(card.getString("text").contains("Call: 116 123"));

      for (String bad : List.of("system-9", "a b", "feedback:1")) {
        var refused = sam.post("/api/conversations/" + jay.id() + "/cards", new JsonObject().put("entryId", "samaritans").put("clientId", bad));
        assertEquals(400, refused.statusCode(), bad);
        assertEquals("bad_value", error(refused).getString("code"), bad);
      }
      var again = sam.post("/api/conversations/" + jay.id() + "/cards", new JsonObject().put("entryId", "samaritans").put("clientId", clientId));
      assertEquals(201, again.statusCode());
      assertEquals(message.getLong("seq"), again.bodyAsJsonObject().getJsonObject("message").getLong("seq"), "a resend is the same message");
      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      JsonArray history = young.next("history").getJsonArray("messages");
      assertEquals(1, history.stream().filter(m -> "card".equals(((JsonObject) m).getString("kind"))).count(), "stored once: " + history);

      JsonObject transcript = sam.get("/api/conversations/" + jay.id() + "/transcript").bodyAsJsonObject();
      assertTrue(transcript.encode().contains("Call: 116 123"));
      assertTrue(sam.get("/conversations/" + jay.id() + "/transcript").bodyAsString().contains("Call: 116 123"));
    }
  }

  @Test
  @DisplayName("cards share the account's message allowance: past the burst the next is refused with 429 and not stored")
  void cardsAreRateLimited() {
    TestSession rae = fixtures.signedIn(fixtures.staff("rae", Role.ADVISER));
    JsonObject invite = fixtures.careLeaver(rae, "Zed");
    String zed = invite.getString("careLeaverId");
    fixtures.joined(invite, "yp-" + UUID.randomUUID().toString().substring(0, 8));
    int burst = harbour.harbour().services().config().chat().burst();
    for (int i = 0; i < burst; i++) {
      var sent = rae.post("/api/conversations/" + zed + "/cards", new JsonObject().put("entryId", "propel").put("clientId", "c" + i));
      assertEquals(201, sent.statusCode(), sent.bodyAsString());
    }
    var refused = rae.post("/api/conversations/" + zed + "/cards", new JsonObject().put("entryId", "propel").put("clientId", "one-too-many"));

    assertEquals(429, refused.statusCode());
    assertEquals("rate_limited", error(refused).getString("code"));
    JsonObject transcript = rae.get("/api/conversations/" + zed + "/transcript").bodyAsJsonObject();
    assertFalse(transcript.encode().contains("one-too-many"), "the refused card was not stored");
    assertEquals(burst, transcript.getJsonArray("messages").stream().filter(m -> "card".equals(((JsonObject) m).getString("kind"))).count());
  }

  @Test
  @DisplayName("a sent card keeps its words after the entry is edited, and the first name is escaped")
  void historyIsNotRewritten() {
    YoungPerson kim = youngPerson("Kim<img src=x onerror=alert(1)>");
    var sent = sam.post("/api/conversations/" + kim.id() + "/cards", new JsonObject().put("entryId", "propel").put("clientId", UUID.randomUUID().toString()));
    assertEquals(201, sent.statusCode(), sent.bodyAsString());
    String html = sent.bodyAsJsonObject().getJsonObject("message").getJsonObject("card").getString("html");
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("Kim&lt;img"), html);

    JsonObject entry = sam.get("/api/signposting/entries/propel").bodyAsJsonObject();
    JsonObject edit = entry.copy().put("summary", "Changed after sending.");
    edit.remove("edited");
    edit.remove("updatedAt");
    edit.remove("updatedBy");
    var edited = jo.json(HttpMethod.PUT, "/api/signposting/entries/propel", edit);
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals(entry.getInteger("version") + 1, edited.bodyAsJsonObject().getInteger("version"));

    try (TestSocket young = TestSocket.connect(harbour, kim.session())) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "resume").put("afterSeq", 0));
      JsonObject card = young.next("history").getJsonArray("messages").getJsonObject(0).getJsonObject("card");
      assertEquals(entry.getInteger("version"), card.getInteger("version"));
      assertFalse(card.getString("html").contains("Changed after sending."));
    }
    var stale = jo.json(HttpMethod.PUT, "/api/signposting/entries/propel", edit);
    assertEquals(409, stale.statusCode());
    assertEquals("version_conflict", error(stale).getString("code"));
  }

  @Test
  @DisplayName("a manager's edit in the form is validated, audited, and shown escaped on Help now")
  void managerEditsInTheForm() {
    assertEquals(200, jo.get("/catalogue").statusCode());
    String form = jo.get("/catalogue/shout-85258").bodyAsString();
    assertTrue(form.contains("name=\"version\""));
    JsonObject entry = jo.get("/api/signposting/entries/shout-85258").bodyAsJsonObject();
    Map<String, String> fields = new java.util.HashMap<>();
    fields.put("version", String.valueOf(entry.getInteger("version")));
    fields.put("name", "Shout " + XSS);
    fields.put("category", "crisis");
    fields.put("summary", "Text any time. " + XSS);
    fields.put("eligibilityText", "Anyone in the UK.");
    fields.put("smsNumber", "85258");
    fields.put("smsBody", "SHOUT");
    fields.put("url", "https://giveusashout.org");
    fields.put("hoursMode", "weekly");
    fields.put("weekly", "MO,TU,WE,TH,FR,SA,SU 00:00-24:00");
    fields.put("bankHolidays", "usual");
    fields.put("source", entry.getString("source"));

    Map<String, String> bad = new java.util.HashMap<>(fields);
    bad.put("weekly", "every day, all day");
    var refused = jo.form("/catalogue/shout-85258", bad);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("This line is not right"));
    assertTrue(refused.bodyAsString().contains("every day, all day"), "what they typed is kept");

    var saved = jo.form("/catalogue/shout-85258", fields);
    assertEquals(302, saved.statusCode(), saved.bodyAsString());
    String help = new TestSession(harbour).get("/help").bodyAsString();
    assertFalse(help.contains(XSS));
    assertTrue(help.contains("Shout &lt;script&gt;alert(1)&lt;/script&gt;"));
    JsonArray events = jo.get("/api/audit?action=CATALOGUE_CHANGED&subject=shout-85258").bodyAsJsonObject().getJsonArray("events");
    assertTrue(events.stream().anyMatch(e -> ((JsonObject) e).encode().contains("\"jo\"")), events.encode());
  }

  @Test
  @DisplayName("suggestions come from the words in the care leaver's recent messages")
  void suggestions() {
    YoungPerson lee = youngPerson("Lee");
    try (TestSocket young = TestSocket.connect(harbour, lee.session())) {
      young.next("welcome");
      young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "I can't pay my rent and I want to go to college"));
      young.next("ack");
    }
    JsonArray suggestions = sam.get("/api/conversations/" + lee.id() + "/card-suggestions").bodyAsJsonObject().getJsonArray("suggestions");
    java.util.Set<String> categories = new java.util.HashSet<>();
    suggestions.forEach(s -> categories.add(((JsonObject) s).getString("category")));
    assertTrue(categories.containsAll(java.util.Set.of("housing", "education", "money")), categories.toString());
    assertEquals(403, fixtures.signedIn("alex").get("/api/conversations/" + lee.id() + "/card-suggestions").statusCode());
  }

  @Test
  @DisplayName("a care leaver saves a card, sees it in My saved help with a note when it changes, and removes it")
  void savedHelp() {
    YoungPerson ash = youngPerson("Ash");
    var saved = ash.session().post("/api/saved", new JsonObject().put("entryId", "nhs-111-mental-health"));
    assertEquals(201, saved.statusCode(), saved.bodyAsString());
    assertTrue(ash.session().get("/saved").bodyAsString().contains("NHS 111"));
    assertEquals(1, ash.session().get("/api/saved").bodyAsJsonObject().getJsonArray("cards").size());

    JsonObject entry = jo.get("/api/signposting/entries/nhs-111-mental-health").bodyAsJsonObject();
    JsonObject edit = entry.copy().put("summary", "Updated summary.");
    edit.remove("edited");
    edit.remove("updatedAt");
    edit.remove("updatedBy");
    assertEquals(200, jo.json(HttpMethod.PUT, "/api/signposting/entries/nhs-111-mental-health", edit).statusCode());
    String page = ash.session().get("/saved").bodyAsString();
    assertTrue(page.contains("updated since you saved it"));
    assertFalse(page.contains("Updated summary."), "the saved version is what they kept");

    assertEquals(302, ash.session().form("/saved", Map.of("entryId", "samaritans")).statusCode());
    assertEquals(2, ash.session().get("/api/saved").bodyAsJsonObject().getJsonArray("cards").size());
    assertEquals(204, ash.session().json(HttpMethod.DELETE, "/api/saved/nhs-111-mental-health", null).statusCode());
    assertEquals(1, ash.session().get("/api/saved").bodyAsJsonObject().getJsonArray("cards").size());
    String help = ash.session().get("/help").bodyAsString();
    assertTrue(help.contains("Save to My saved help"));
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("action=\"/saved\" class=\"save-card\">\\s*<input type=\"hidden\" name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"").matcher(help);
    assertTrue(token.find() && !token.group(1).isEmpty(), "the save form carries the CSRF token");
  }

  @Test
  @DisplayName("saves made at the same moment (two devices, a double tap) are all kept")
  void savesAtTheSameMomentAreAllKept() {
    YoungPerson ash = youngPerson("Ash");
    List<String> entries = List.of("bursary-16-19-vulnerable", "propel", "staying-put", "access-to-work", "nhs-111-mental-health", "samaritans");
    // Straight to the service: one browser session cannot post twice at once (each post renews its CSRF token).
    var saved = harbour.harbour().services().savedHelp();
    RunningHarbour.await(io.vertx.core.Future.all(entries.stream().map(id -> saved.save(ash.id(), id)).toList()));

    JsonArray cards = ash.session().get("/api/saved").bodyAsJsonObject().getJsonArray("cards");
    assertEquals(java.util.Set.copyOf(entries), cards.stream().map(c -> ((JsonObject) c).getString("entryId")).collect(java.util.stream.Collectors.toSet()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "malformed JSON    | {\"entryId\": \"samaritans\",                               | 400 | bad_json",
        "an array          | [1]                                                        | 400 | bad_json",
        "unknown field     | {\"entryId\":\"samaritans\",\"clientId\":\"c1\",\"text\":\"x\"} | 400 | unknown_field",
        "a $ key           | {\"entryId\":{\"$ne\":null},\"clientId\":\"c1\"}              | 400 | bad_key",
        "wrong type        | {\"entryId\":42,\"clientId\":\"c1\"}                          | 400 | wrong_type",
        "missing entryId   | {\"clientId\":\"c1\"}                                         | 400 | missing_field",
        "too long clientId | {\"entryId\":\"samaritans\",\"clientId\":\"LONG\"}            | 400 | too_long",
        "unknown entry     | {\"entryId\":\"no-such-entry\",\"clientId\":\"c1\"}           | 404 | not_found"
      })
  @DisplayName("sending a card refuses hostile input")
  void sendCardHostile(String name, String body, int status, String code) {
    YoungPerson yp = youngPerson("Bo");
    var response = sam.post("/api/conversations/" + yp.id() + "/cards", body.replace("LONG", "c".repeat(65)));
    assertEquals(status, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(code, error(response).getString("code"), name);
  }

  @Test
  @DisplayName("every new route checks the role and the CSRF token")
  void roles() {
    YoungPerson yp = youngPerson("Cy");
    JsonObject card = new JsonObject().put("entryId", "samaritans").put("clientId", "c-roles");
    TestSession anonymous = new TestSession(harbour);
    assertEquals(401, anonymous.post("/api/conversations/" + yp.id() + "/cards", card).statusCode());
    assertEquals(403, yp.session().post("/api/conversations/" + yp.id() + "/cards", card).statusCode());
    assertEquals(403, alex.post("/api/conversations/" + yp.id() + "/cards", card).statusCode());
    assertEquals(401, anonymous.get("/api/signposting/entries").statusCode());
    assertEquals(403, yp.session().get("/api/signposting/entries").statusCode());
    assertEquals(403, sam.json(HttpMethod.PUT, "/api/signposting/entries/samaritans", new JsonObject()).statusCode());
    assertEquals(403, sam.get("/catalogue").statusCode());
    assertEquals(302, anonymous.get("/catalogue").statusCode());
    assertEquals(403, sam.post("/api/saved", new JsonObject().put("entryId", "samaritans")).statusCode());
    assertEquals(302, anonymous.get("/saved").statusCode());
    YoungPerson other = youngPerson("Di");
    TestSession strangerPa = fixtures.signedIn(fixtures.staff("pat", Role.ADVISER));
    assertEquals(404, strangerPa.post("/api/conversations/" + other.id() + "/cards", card).statusCode(), "not their young person: as if there were none");
    var noCsrf = harbour.http().post("/api/conversations/" + yp.id() + "/cards").putHeader("Content-Type", "application/json");
    assertEquals(403, RunningHarbour.await(noCsrf.sendBuffer(io.vertx.core.buffer.Buffer.buffer(card.encode()))).statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown field | unknownField | 1 | unknown_field",
        "$ key         | $set         | 1 | bad_key",
        "too long name | name         | x | too_long",
        "script url    | source       | j | bad_url",
        "bad version   | version      | v | wrong_type"
      })
  @DisplayName("editing an entry through the API refuses hostile input")
  void editHostile(String name, String field, String kind, String code) {
    JsonObject entry = jo.get("/api/signposting/entries/emergency-999").bodyAsJsonObject();
    entry.remove("edited");
    entry.remove("updatedAt");
    entry.remove("updatedBy");
    switch (kind) {
      case "x" -> entry.put(field, "x".repeat(121));
      case "j" -> entry.put(field, "javascript:alert(1)");
      case "v" -> entry.put(field, "one");
      default -> entry.put(field, 1);
    }
    var response = jo.json(HttpMethod.PUT, "/api/signposting/entries/emergency-999", entry);
    assertEquals(400, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(code, error(response).getString("code"));
    assertEquals(400, jo.json(HttpMethod.PUT, "/api/signposting/entries/emergency-999", "{\"id\":").statusCode());
    assertEquals(400, sam.get("/api/signposting/entries?q=" + "y".repeat(101)).statusCode());
    assertEquals(400, sam.get("/api/signposting/entries?category=nope").statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "malformed JSON  | {\"entryId\":                    | 400 | bad_json",
        "unknown field   | {\"entryId\":\"samaritans\",\"version\":1} | 400 | unknown_field",
        "a $ key         | {\"$set\":{\"entryId\":\"x\"}}       | 400 | bad_key",
        "too long id     | {\"entryId\":\"LONG\"}              | 400 | too_long",
        "unknown entry   | {\"entryId\":\"no-such-entry\"}     | 404 | not_found"
      })
  @DisplayName("saving help refuses hostile input")
  void savedHostile(String name, String body, int status, String code) {
    YoungPerson yp = youngPerson("Ed");
    var response = yp.session().post("/api/saved", body.replace("LONG", "s".repeat(61)));
    assertEquals(status, response.statusCode(), name + ": " + response.bodyAsString());
    assertEquals(code, error(response).getString("code"));
    assertEquals(0, yp.session().get("/api/saved").bodyAsJsonObject().getJsonArray("cards").size(), "nothing saved");
    assertEquals(400, yp.session().form("/saved", Map.of("entryId", "../../etc")).statusCode());
  }

  @Test
  @DisplayName("adding an entry through the API validates it, refuses a taken id, and audits it")
  void createEntry() {
    JsonObject entry = CardTemplatesTest.entryJson().put("id", "youth-drop-in").put("name", "New drop-in " + XSS)
        .put("hours", new JsonObject().put("regularSchedules", new JsonArray().add(new JsonObject().put("byDay", new JsonArray().add("TU")).put("opensAt", "18:00").put("closesAt", "21:00"))).put("bankHolidays", "closed"));
    var created = jo.post("/api/signposting/entries", entry);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    assertEquals(1, created.bodyAsJsonObject().getInteger("version"));
    assertTrue(created.bodyAsJsonObject().getBoolean("edited"), "a manager's own entry is never overwritten by a seed");
    assertEquals(409, jo.post("/api/signposting/entries", entry).statusCode());
    String help = new TestSession(harbour).get("/help").bodyAsString();
    assertTrue(help.contains("New drop-in &lt;script&gt;"), "open on a Tuesday evening");
    assertFalse(help.contains(XSS));
    JsonObject bad = entry.copy().put("id", "another-one");
    bad.getJsonObject("hours").put("always", true);
    assertEquals("bad_hours", error(jo.post("/api/signposting/entries", bad)).getString("code"));
    assertEquals("bad_id", error(jo.post("/api/signposting/entries", entry.copy().put("id", "Bad Id!"))).getString("code"));
    assertEquals("bad_time", error(jo.post("/api/signposting/entries", entry.copy().put("id", "late-one").put("hours", new JsonObject().put("regularSchedules", new JsonArray().add(new JsonObject().put("byDay", new JsonArray().add("TU")).put("opensAt", "25:00").put("closesAt", "21:00")))))).getString("code"));
    assertEquals(1, jo.get("/api/audit?action=CATALOGUE_CHANGED&subject=youth-drop-in").bodyAsJsonObject().getJsonArray("events").size());
  }

  private static final class Set {
    static java.util.Set<String> of(String... values) {
      return java.util.Set.of(values);
    }
  }
}
