package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.harbour.rota.RotaFixtures.PRIYA;
import static uk.harbour.rota.RotaFixtures.SAM;
import static uk.harbour.rota.RotaFixtures.override;

import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.web.HarbourException;

@Timeout(30)
class RotaJsonTest {

  private static final String OVERRIDE =
      "{'id':'o1','kind':'COVER','adviser':'sam','start':'2026-12-24T17:00',"
          + "'end':'2026-12-25T09:00','replaces':'priya'}";

  @Test
  @DisplayName("The demo rota with overrides survives a trip to JSON text and back")
  void roundTripsARota() {
    Rota demo = RotaFixtures.demo().rota()
        .withOverride(override("cover", RotaOverride.Kind.COVER, PRIYA, "2026-12-24T17:00",
            "2026-12-25T09:00", SAM))
        .withOverride(override("sick", RotaOverride.Kind.SICKNESS, SAM, "2027-01-04T00:00",
            "2027-01-08T00:00", null));
    String text = RotaJson.toJson(demo).encode();
    assertEquals(demo, RotaJson.rotaFromJson(new JsonObject(text), 7));
  }

  @Test
  @DisplayName("Missing optional parts take their defaults: config capacity, Sunday pattern, no overrides")
  void fillsDefaults() {
    Rota rota = RotaJson.rotaFromJson(json("{'officeHours':[],'templates':[]}"), 5);
    assertEquals(5, rota.defaultCapacity());
    assertEquals(DayOfWeek.SUNDAY, rota.bankHolidayPattern());
    assertEquals(List.of(), rota.overrides());
  }

  @Test
  @DisplayName("An override from the HTTP API is read into a record, whatever the case of its kind")
  void readsAnOverride() {
    RotaOverride read = RotaJson.overrideFromJson(json(OVERRIDE.replace("COVER", "cover")));
    assertEquals(override("o1", RotaOverride.Kind.COVER, SAM, "2026-12-24T17:00",
        "2026-12-25T09:00", PRIYA), read);
    assertEquals(read, RotaJson.overrideFromJson(RotaJson.toJson(read)));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @DisplayName("Hostile or malformed override JSON is refused with a 400 and a clear code")
  @CsvSource(delimiter = '|', value = {
      "unknown field       | {'id':'o1','kind':'COVER','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00','note':'x'} | unknown_field",
      "dollar key          | {'id':'o1','kind':'COVER','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00','$where':'1'} | bad_key",
      "dotted key          | {'id':'o1','kind':'COVER','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00','a.b':'1'} | bad_key",
      "operator as value   | {'id':{'$ne':null},'kind':'COVER','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00'} | bad_key",
      "number as id        | {'id':7,'kind':'COVER','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00'} | wrong_type",
      "missing adviser     | {'id':'o1','kind':'COVER','start':'2026-12-24T17:00','end':'2026-12-25T09:00'} | missing_field",
      "unknown kind        | {'id':'o1','kind':'HOLIDAY','adviser':'a','start':'2026-12-24T17:00','end':'2026-12-25T09:00'} | bad_value",
      "bad time            | {'id':'o1','kind':'COVER','adviser':'a','start':'2026-12-24T25:00','end':'2026-12-25T09:00'} | bad_time",
      "instant not local   | {'id':'o1','kind':'COVER','adviser':'a','start':'2026-12-24T17:00Z','end':'2026-12-25T09:00'} | bad_time",
      "over-long text      | {'id':'o1','kind':'COVER','adviser':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa','start':'2026-12-24T17:00','end':'2026-12-25T09:00'} | too_long",
  })
  void refusesHostileOverrides(String description, String body, String code) {
    HarbourException e = assertThrows(HarbourException.class,
        () -> RotaJson.overrideFromJson(json(body)));
    assertEquals(400, e.status());
    assertEquals(code, e.code(), e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @DisplayName("Hostile or malformed rota JSON is refused with a 400 and a clear code")
  @CsvSource(delimiter = '|', value = {
      "unknown top field    | {'officeHours':[],'templates':[],'owner':'x'} | unknown_field",
      "dollar top key       | {'officeHours':[],'templates':[],'$set':{}} | bad_key",
      "templates not a list | {'officeHours':[],'templates':{}} | wrong_type",
      "template not object  | {'officeHours':[],'templates':['x']} | wrong_type",
      "on-call not ids      | {'officeHours':[],'templates':[{'id':'t','day':'MONDAY','start':'17:00','end':'23:00','onCall':[1]}]} | wrong_type",
      "bad day              | {'officeHours':[],'templates':[{'id':'t','day':'FUNDAY','start':'17:00','end':'23:00','onCall':['a']}]} | bad_value",
      "bad template time    | {'officeHours':[],'templates':[{'id':'t','day':'MONDAY','start':'5pm','end':'23:00','onCall':['a']}]} | bad_time",
      "nested dotted key    | {'officeHours':[{'days':['MONDAY'],'start':'09:00','end':'17:00','x.y':1}],'templates':[]} | bad_key",
      "fractional capacity  | {'officeHours':[],'templates':[],'defaultCapacity':2.5} | wrong_type",
      "capacity as text     | {'officeHours':[],'templates':[],'capacity':[{'adviser':'a','maxActive':'3'}]} | wrong_type",
      "capacity out of range| {'officeHours':[],'templates':[],'capacity':[{'adviser':'a','maxActive':100000}]} | out_of_range",
      "capacity twice       | {'officeHours':[],'templates':[],'capacity':[{'adviser':'a','maxActive':2},{'adviser':'a','maxActive':3}]} | duplicate_id",
      "missing templates    | {'officeHours':[]} | missing_field",
  })
  void refusesHostileRotas(String description, String body, String code) {
    HarbourException e = assertThrows(HarbourException.class,
        () -> RotaJson.rotaFromJson(json(body), 3));
    assertEquals(400, e.status());
    assertEquals(code, e.code(), e.getMessage());
  }

  @Test
  @DisplayName("The engine's answers render as JSON with ISO instants")
  void rendersAnswers() {
    RotaEngine engine = RotaFixtures.demoEngine();
    JsonObject onCall = RotaJson.toJson(engine.onCallAt(RotaFixtures.london("2026-06-08T18:00")));
    assertEquals("2026-06-08T17:00:00Z", onCall.getString("at"));
    assertEquals(List.of(SAM), onCall.getJsonArray("onCall").getList());
    assertEquals("2026-06-08T22:00:00Z", onCall.getString("until"));
    JsonObject shift = RotaJson.toJson(engine.shiftsBetween(RotaFixtures.london("2026-06-08T18:00"),
        RotaFixtures.london("2026-06-08T18:01")).get(0));
    assertEquals("mon-evening", shift.getString("template"));
    JsonObject gap = RotaJson.toJson(new CoverageGap(CoverageGap.Kind.NOBODY_ON_CALL,
        RotaFixtures.london("2026-06-08T18:00"), RotaFixtures.london("2026-06-08T19:00")));
    assertEquals("NOBODY_ON_CALL", gap.getString("kind"));
  }

  private static JsonObject json(String singleQuoted) {
    return new JsonObject(singleQuoted.replace('\'', '"'));
  }
}
