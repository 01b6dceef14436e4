package uk.harbour.signposting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.calendar.BankHolidays;

@DisplayName("Card templates")
@Timeout(30)
class CardTemplatesTest {

  private static final CardRenderer RENDERER = CatalogueFixtures.renderer();
  private static final BankHolidays HOLIDAYS = CatalogueFixtures.holidays();
  private static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'`=&";

  private static JsonObject render(CatalogueEntry e, String at, CardAudience audience) {
    return RENDERER.render(CardView.model(e, OpeningHoursTest.london(at), audience, CatalogueFixtures.COUNCIL, HOLIDAYS));
  }

  @Test
  @DisplayName("render every catalogue entry as HTML and text, for every kind of reader, at any time")
  void everyEntryRenders() {
    List<CatalogueEntry> all = CatalogueFixtures.everything();
    assertTrue(all.size() >= 20, "national and demo entries: " + all.size());
    List<CardAudience> readers = List.of(CardAudience.anyone(), new CardAudience("Jay", 19), new CardAudience("Sam", 16), new CardAudience(null, 25));
    for (CatalogueEntry e : all) {
      for (CardAudience reader : readers) {
        for (String at : List.of("2026-11-24T14:00", "2026-11-28T23:30", "2026-12-25T12:00", "2026-03-29T01:30")) {
          JsonObject card = render(e, at, reader);
          assertEquals(e.id(), card.getString("entryId"));
          assertEquals(e.name(), card.getString("title"));
          String html = card.getString("html");
          String text = card.getString("text");
          assertTrue(html.startsWith("<article") && html.endsWith("</article>"), e.id());
          assertTrue(html.contains("id=\"entry-" + e.id() + "\""), e.id());
          assertFalse(html.contains("{{") || text.contains("{{"), e.id());
          assertTrue(text.startsWith(e.name()), e.id() + ": " + text);
          assertTrue(text.contains("Source: " + e.source()), e.id());
          if (reader.firstName() != null) {
            assertTrue(html.contains("Hi " + reader.firstName()) && text.contains("Hi " + reader.firstName()), e.id());
          }
          if (e.demo()) {
            assertTrue(html.contains("Demo – not a real service") && text.contains("(demo - not a real service)"), e.id());
          }
        }
      }
    }
  }

  @Test
  @DisplayName("show contact links as tel: and sms: targets, amounts in pounds, and the council's out-of-hours line on crisis cards")
  void helpersAndCouncil() {
    CatalogueEntry shout = find("shout-85258");
    String html = render(shout, "2026-11-24T14:00", CardAudience.anyone()).getString("html");
    assertTrue(html.contains("href=\"sms:85258?&amp;body&#x3D;SHOUT\"") || html.contains("href=\"sms:85258?&amp;body=SHOUT\""), html);
    assertTrue(html.contains("Text SHOUT to 85258"));
    assertTrue(html.contains("Demo Borough Council out-of-hours emergency line: <a href=\"tel:01614960000\">0161 496 0000</a>"), html);
    assertTrue(render(find("samaritans"), "2026-11-24T14:00", CardAudience.anyone()).getString("html").contains("href=\"tel:116123\""));
    String bursary = render(find("bursary-16-19-vulnerable"), "2026-11-24T14:00", CardAudience.anyone()).getString("text");
    assertTrue(bursary.contains("Amount: £1,200 - up to this much per academic year"), bursary);
    assertEquals("£12.50", CardHelpers.pounds(new java.math.BigDecimal("12.5")));
    assertEquals("£3,000", CardHelpers.pounds(new java.math.BigDecimal("3000")));
    String access = render(find("access-to-work"), "2026-11-24T14:00", CardAudience.anyone()).getString("text");
    assertTrue(access.contains("Amount: depends on your needs"), access);
  }

  @Test
  @DisplayName("tell a reader whose age is outside the range to check first, and say nothing when age is unknown")
  void ageNote() {
    CatalogueEntry apprenticeship = find("apprenticeship-care-leaver-bursary");
    assertTrue(render(apprenticeship, "2026-11-24T14:00", new CardAudience("Jay", 25)).getString("text").contains("Check first: this is usually for ages 16 to 24."));
    assertFalse(render(apprenticeship, "2026-11-24T14:00", new CardAudience("Jay", 20)).getString("text").contains("Check first"));
    assertFalse(render(apprenticeship, "2026-11-24T14:00", CardAudience.anyone()).getString("text").contains("Check first"));
  }

  @Test
  @DisplayName("escape a hostile value in every catalogue field and in the first name")
  void escapesEverything() {
    JsonObject json =
        new JsonObject()
            .put("id", "hostile-entry")
            .put("category", "money")
            .put("name", "Name " + XSS)
            .put("summary", "Summary " + XSS)
            .put("eligibility", new JsonObject().put("text", "Elig " + XSS).put("careStatus", "Care " + XSS).put("minAge", 16).put("maxAge", 24).put("area", "local").put("areaName", "Area " + XSS))
            .put("contact", new JsonObject().put("phone", "0161 496 0999").put("sms", new JsonObject().put("number", "07700 900999").put("body", "HELP")).put("email", "help@example.org").put("url", "https://example.org/?a=1&b=<x>").put("note", "Note " + XSS))
            .put("hours", new JsonObject().put("always", true).put("note", "Hours " + XSS))
            .put("amount", new JsonObject().put("value", 10).put("period", "Period " + XSS).put("note", "Amount " + XSS))
            .put("source", "https://example.org/source?q='onload")
            .put("otherSources", new JsonArray().add("https://example.org/other"))
            .put("checked", "<b>2026</b>")
            .put("checkedNote", "Checked " + XSS);
    CatalogueEntry hostile;
    try {
      hostile = CatalogueJson.parse(json, CatalogueFixtures.LONDON);
    } catch (uk.harbour.web.HarbourException e) {
      // A URL with '<' is refused; keep the rest hostile and use a clean URL.
      json.getJsonObject("contact").put("url", "https://example.org/?a=1&b=2");
      json.put("source", "https://example.org/source");
      hostile = CatalogueJson.parse(json, CatalogueFixtures.LONDON);
    }
    JsonObject card = RENDERER.render(CardView.model(hostile, Instant.parse("2026-11-24T14:00:00Z"), new CardAudience("Jay" + XSS, 19), new CardView.Council("Council " + XSS, "0161 496 0000"), HOLIDAYS));
    String html = card.getString("html");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>"), html);
    assertFalse(html.contains("onerror=alert"), "attribute text must be escaped too: " + html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    for (String field : List.of("Name", "Summary", "Elig", "Care", "Area", "Note", "Hours", "Period", "Amount", "Jay")) {
      assertTrue(html.contains(field + " &lt;script&gt;") || html.contains(field + "&lt;script&gt;"), field + " shown as text: " + html);
    }
    // The plain text keeps the words as typed; it is only ever shown as text, never as markup.
    assertTrue(card.getString("text").contains("Name " + XSS));
  }

  @Test
  @DisplayName("refuse web addresses that are not http or https, so no card can carry a javascript: link")
  void refusesScriptUrls() {
    for (String bad : List.of("javascript:alert(1)", "data:text/html,<script>", "//example.org", "https://exa mple.org", "https://example.org/\"onmouseover=x")) {
      JsonObject json = entryJson().put("source", bad);
      uk.harbour.web.HarbourException e = org.junit.jupiter.api.Assertions.assertThrows(uk.harbour.web.HarbourException.class, () -> CatalogueJson.parse(json, CatalogueFixtures.LONDON), bad);
      assertEquals("bad_url", e.code(), bad);
    }
  }

  static JsonObject entryJson() {
    return new JsonObject()
        .put("id", "an-entry")
        .put("category", "advice")
        .put("name", "An entry")
        .put("summary", "A summary")
        .put("eligibility", new JsonObject().put("text", "Anyone"))
        .put("contact", new JsonObject().put("phone", "0161 496 0999"))
        .put("hours", new JsonObject().put("always", true))
        .put("source", "https://example.org/");
  }

  private static CatalogueEntry find(String id) {
    return CatalogueFixtures.everything().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
