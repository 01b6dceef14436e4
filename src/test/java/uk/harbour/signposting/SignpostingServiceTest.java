package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.signposting.CatalogueFixtures.RunningFutures.await;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.testing.TestClock;
import uk.harbour.web.HarbourException;

@DisplayName("The signposting service")
@Timeout(30)
class SignpostingServiceTest {

  private final TestClock clock = TestClock.at("2026-11-24T14:00");
  private final Signposting signposting = CatalogueFixtures.signposting(clock);

  private List<String> openIds(String at, CardAudience audience) {
    return await(signposting.openNowCards(OpeningHoursTest.london(at), audience, 100)).stream().map(c -> c.getString("entryId")).toList();
  }

  @Test
  @DisplayName("lists what is open at an instant, crisis first, and never a service with unconfirmed hours")
  void openNow() {
    List<String> tuesday = openIds("2026-11-24T14:00", CardAudience.anyone());
    assertTrue(tuesday.contains("demo-leaving-care-team") && tuesday.contains("demo-youth-employment-hub"), tuesday.toString());
    assertFalse(tuesday.contains("demo-emergency-duty-team"), "the duty team is closed in office hours");
    assertFalse(tuesday.contains("bursary-16-19-vulnerable"), "unconfirmed hours are never open");
    List<String> saturdayNight = openIds("2026-11-28T23:30", CardAudience.anyone());
    assertTrue(saturdayNight.contains("demo-emergency-duty-team"));
    assertFalse(saturdayNight.contains("demo-leaving-care-team"));
    assertFalse(saturdayNight.contains("demo-evening-wellbeing-line"), "closes at 23:00");
    int firstNonCrisis = 0;
    List<CatalogueEntry> entries = saturdayNight.stream().map(id -> signposting.entry(id).orElseThrow()).toList();
    while (firstNonCrisis < entries.size() && entries.get(firstNonCrisis).category() == Category.CRISIS) {
      firstNonCrisis++;
    }
    assertTrue(firstNonCrisis >= 4, "999, Samaritans, Shout and the duty team come first: " + saturdayNight);
    assertTrue(entries.subList(firstNonCrisis, entries.size()).stream().noneMatch(e -> e.category() == Category.CRISIS));
    assertEquals(3, await(signposting.openNowCards(OpeningHoursTest.london("2026-11-28T23:30"), CardAudience.anyone(), 3)).size());
  }

  @Test
  @DisplayName("on Christmas Day the bank-holiday rules apply: the duty team is open all day, the office is closed")
  void christmas() {
    List<String> ids = openIds("2026-12-25T12:00", CardAudience.anyone());
    assertTrue(ids.contains("demo-emergency-duty-team"));
    assertFalse(ids.contains("demo-leaving-care-team"));
    assertTrue(ids.contains("demo-evening-wellbeing-line"), "its dated Christmas hours open at noon");
  }

  @Test
  @DisplayName("filters by age: an entry for up to 24 year olds is left out for a 25 year old and kept when age is unknown")
  void eligibility() {
    assertTrue(openIds("2026-11-24T14:00", new CardAudience("Jay", 20)).contains("demo-youth-employment-hub"));
    assertFalse(openIds("2026-11-24T14:00", new CardAudience("Jay", 25)).contains("demo-youth-employment-hub"));
    assertTrue(openIds("2026-11-24T14:00", new CardAudience(null, null)).contains("demo-youth-employment-hub"));
    CatalogueEntry.Eligibility sixteenToEighteen = signposting.entry("bursary-16-19-vulnerable").orElseThrow().eligibility();
    assertFalse(sixteenToEighteen.allows(15));
    assertTrue(sixteenToEighteen.allows(16));
    assertTrue(sixteenToEighteen.allows(18));
    assertFalse(sixteenToEighteen.allows(19));
  }

  @Test
  @DisplayName("finds entries by everyday words, and hostile or empty searches find nothing without failing")
  void search() {
    Set<String> uni = ids(signposting.search("uni", null));
    assertTrue(uni.containsAll(Set.of("propel", "ucas-care-experienced-question")), uni.toString());
    Set<String> job = ids(signposting.search("job", null));
    assertTrue(job.contains("dwp-jobcentre-care-leaver-offer") && job.contains("demo-youth-employment-hub"), job.toString());
    assertEquals("samaritans", signposting.search("samaritans", null).get(0).id());
    assertTrue(ids(signposting.search("apprenticeship", 30)).stream().noneMatch(id -> id.equals("apprenticeship-care-leaver-bursary")), "too old for it");
    assertTrue(signposting.search("<script>alert(1)</script>", null).isEmpty());
    assertTrue(signposting.search("", null).isEmpty());
    assertTrue(signposting.search("$ne {}", null).isEmpty());
  }

  @Test
  @DisplayName("suggests cards from the words in a care leaver's recent messages")
  void suggestions() {
    List<Signposting.Suggestion> found = signposting.suggest(List.of("my landlord says I'm behind on rent", "and college starts monday"), 19, 20);
    Set<Category> categories = found.stream().map(s -> s.entry().category()).collect(Collectors.toSet());
    assertEquals(Set.of(Category.HOUSING, Category.EDUCATION), categories);
    assertTrue(found.stream().filter(s -> s.entry().category() == Category.HOUSING).allMatch(s -> s.because().containsAll(List.of("landlord", "rent"))));
    assertTrue(signposting.suggest(List.of("ok thanks"), 19, 20).isEmpty());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      I've been kicked out and I don't know where to sleep tonight | HOUSING
      my mum chucked me out, can I stay on a mate's sofa           | HOUSING
      I'm sleeping rough since Friday                              | HOUSING
      the hostel wants a deposit                                   | HOUSING
      I have nothing to eat till Monday                            | MONEY
      is there a food bank near me                                 | MONEY
      I can’t afford the electric                                  | MONEY
      my UC got sanctioned                                         | MONEY
      I feel so lonely and I can't cope                            | HEALTH
      I keep having panic attacks and can't sleep                  | HEALTH
      my mental health is really bad                               | HEALTH
      I failed my GCSEs, can I do an access course                 | EDUCATION
      student finance hasn't paid my tuition                       | EDUCATION
      I want to do a traineeship or an NVQ                         | TRAINING
      looking for work experience                                  | TRAINING
      got sacked from my zero hours contract                       | EMPLOYMENT
      I've got an interview at the warehouse                       | EMPLOYMENT
      """)
  @DisplayName("everyday words find their topic")
  void everydayWords(String said, Category topic) {
    assertTrue(Keywords.categoriesIn(List.of(said)).containsKey(topic), said + " -> " + Keywords.categoriesIn(List.of(said)));
  }

  @Test
  @DisplayName("\"kicked out … where to sleep\" suggests housing help, saying which words led there")
  void kickedOutFindsHousing() {
    List<Signposting.Suggestion> found = signposting.suggest(List.of("I've been kicked out and I don't know where to sleep tonight"), 20, 8);
    List<Signposting.Suggestion> housing = found.stream().filter(s -> s.entry().category() == Category.HOUSING).toList();
    assertFalse(housing.isEmpty(), found.toString());
    assertEquals(List.of("kicked out", "where to sleep"), housing.get(0).because());
  }

  @Test
  @DisplayName("seeding again changes nothing, a changed seed updates an unedited entry, and never an edited one")
  void seedIsIdempotent() {
    int before = signposting.entry("samaritans").orElseThrow().version();
    assertEquals(0, await(signposting.seed(CatalogueFixtures.everything())));
    assertEquals(before, signposting.entry("samaritans").orElseThrow().version());

    CatalogueEntry shout = signposting.entry("shout-85258").orElseThrow();
    JsonObject changed = CatalogueJson.toJson(shout, false).put("summary", "A corrected summary.");
    assertEquals(1, await(signposting.seed(List.of(CatalogueJson.parse(changed, CatalogueFixtures.LONDON)))));
    assertEquals(shout.version() + 1, signposting.entry("shout-85258").orElseThrow().version());

    CatalogueEntry samaritans = signposting.entry("samaritans").orElseThrow();
    JsonObject edit = CatalogueJson.toJson(samaritans, false).put("summary", "Edited by a manager.").put("version", samaritans.version());
    CatalogueEntry edited = await(signposting.update(new Actor("jo", "MANAGER", "-"), "samaritans", CatalogueJson.parseEdit(edit, CatalogueFixtures.LONDON)));
    assertTrue(edited.meta().edited());
    assertEquals(samaritans.version() + 1, edited.version());
    assertEquals("jo", edited.meta().updatedBy());
    assertEquals(1, await(signposting.seed(CatalogueFixtures.everything())), "only Shout goes back to its seed");
    assertEquals("Edited by a manager.", signposting.entry("samaritans").orElseThrow().summary());
    assertEquals(edited.version(), signposting.entry("samaritans").orElseThrow().version());
  }

  @Test
  @DisplayName("refuses an edit made on an older version, so nobody overwrites a change they have not seen")
  void lostUpdate() {
    CatalogueEntry e = signposting.entry("propel").orElseThrow();
    JsonObject stale = CatalogueJson.toJson(e, false).put("version", e.version() + 5);
    var failed = signposting.update(new Actor("jo", "MANAGER", "-"), "propel", CatalogueJson.parseEdit(stale, CatalogueFixtures.LONDON));
    assertTrue(failed.failed());
    assertEquals("version_conflict", ((HarbourException) failed.cause()).code());
    JsonObject unchanged = CatalogueJson.toJson(e, false).put("version", e.version());
    assertEquals(e.version(), await(signposting.update(new Actor("jo", "MANAGER", "-"), "propel", CatalogueJson.parseEdit(unchanged, CatalogueFixtures.LONDON))).version(), "no change, no new version");
    JsonObject renamed = CatalogueJson.toJson(e, false).put("id", "another-id").put("version", e.version());
    assertEquals("id_mismatch", ((HarbourException) signposting.update(new Actor("jo", "MANAGER", "-"), "propel", CatalogueJson.parseEdit(renamed, CatalogueFixtures.LONDON)).cause()).code());
  }

  @Test
  @DisplayName("renders one card by id now, and fails with 404 for an unknown id")
  void oneCard() {
    JsonObject card = await(signposting.card("samaritans", new CardAudience("Jay", 19)));
    assertEquals(Set.of("entryId", "version", "title", "html", "text"), card.fieldNames());
    assertTrue(card.getString("text").contains("Call: 116 123"));
    assertEquals(404, ((HarbourException) signposting.card("nope", CardAudience.anyone()).cause()).status());
  }

  @Test
  @DisplayName("reads the seed files strictly and keeps every demo number and address fictional")
  void seedFiles() {
    List<CatalogueEntry> national = CatalogueFixtures.national();
    assertEquals(14, national.size());
    assertTrue(national.stream().noneMatch(CatalogueEntry::demo));
    for (CatalogueEntry e : CatalogueFixtures.demo()) {
      assertTrue(e.demo());
      assertEquals(CatalogueEntry.Area.LOCAL, e.eligibility().area());
      for (String phone : new String[] {e.contact().phone(), e.contact().smsNumber()}) {
        assertTrue(phone == null || phone.startsWith("0161 496 0") || phone.startsWith("07700 900"), e.id() + " " + phone);
      }
      for (String url : new String[] {e.contact().url(), e.source()}) {
        assertTrue(url == null || url.matches("https://[a-z.-]*example\\.org(/.*)?"), e.id() + " " + url);
      }
    }
    assertThrows(HarbourException.class, () -> CatalogueSeed.parse("entries:\n  - {id: x}\n", CatalogueFixtures.LONDON, false));
    assertThrows(HarbourException.class, () -> CatalogueSeed.parse(CatalogueFixtures.read("config/signposting/demo-local.yaml"), CatalogueFixtures.LONDON, false));
  }

  private static Set<String> ids(List<CatalogueEntry> entries) {
    return entries.stream().map(CatalogueEntry::id).collect(Collectors.toSet());
  }

}
