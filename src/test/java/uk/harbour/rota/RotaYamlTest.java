package uk.harbour.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.web.HarbourException;

@Timeout(30)
class RotaYamlTest {

  @Test
  @DisplayName("The demo rota file names Sam, Priya and Jo and loads thirteen shifts")
  void loadsTheDemoRota() {
    RotaYaml.LoadedRota loaded = RotaFixtures.demo();
    assertEquals(List.of("sam", "priya", "jo"),
        loaded.staff().stream().map(RotaYaml.StaffMember::id).toList());
    assertEquals(RotaYaml.StaffMember.Role.MANAGER, loaded.staff().get(2).role());
    assertEquals(13, loaded.rota().templates().size());
    assertEquals(4, loaded.rota().capacityOf("sam"));
    assertEquals(3, loaded.rota().capacityOf("priya"));
  }

  @Test
  @DisplayName("The bank-holiday file holds the sixteen England and Wales dates for 2026 and 2027")
  void loadsTheBankHolidays() {
    BankHolidays holidays = RotaFixtures.holidays();
    assertEquals(16, holidays.asMap().size());
    assertEquals("Boxing Day (substitute day)", holidays.name(LocalDate.of(2026, 12, 28)).orElseThrow());
    assertTrue(holidays.isBankHoliday(LocalDate.of(2027, 3, 26)));
    assertEquals(LocalDate.of(2027, 12, 28), holidays.coveredUntil().orElseThrow());
  }

  @Test
  @DisplayName("Unquoted times and dates stay text instead of becoming base-60 numbers or Dates")
  void keepsUnquotedTimesAsText() {
    String yaml = """
        staff:
          - {id: sam, name: Sam, role: adviser}
        rota:
          officeHours: [{days: [MONDAY], start: 09:00, end: 17:00}]
          templates: [{id: t, day: MONDAY, start: 17:00, end: 09:00, onCall: [sam]}]
          overrides: [{id: o, kind: SICKNESS, adviser: sam, start: 2026-06-08T17:00, end: 2026-06-09T09:00}]
        """;
    Rota rota = RotaYaml.parseRota(yaml, RotaFixtures.LONDON, 3).rota();
    assertEquals(LocalTime.of(17, 0), rota.templates().get(0).start());
    assertEquals(LocalTime.of(9, 0), rota.officeHours().periods().get(0).start());
    assertEquals(LocalDate.of(2026, 6, 8), rota.overrides().get(0).start().toLocalDate());
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @DisplayName("Broken or hostile YAML is refused with a 400 and a clear code")
  @CsvSource(delimiter = '|', value = {
      "not YAML at all        | 'staff: [unclosed'                                      | bad_yaml",
      "duplicate keys         | 'staff: []\nstaff: []\nrota: {}'                         | bad_yaml",
      "a custom tag           | 'staff: !!java.io.File [x]\nrota: {}'                    | bad_yaml",
      "a non-text key         | '1: x'                                                  | wrong_type",
      "a rota naming a stranger | 'staff: []\nrota: {officeHours: [], templates: [{id: t, day: MONDAY, start: 17:00, end: 09:00, onCall: [adviser-x]}]}' | unknown_adviser",
      "staff twice            | 'staff: [{id: a, name: A, role: ADVISER}, {id: a, name: B, role: ADVISER}]\nrota: {officeHours: [], templates: []}' | duplicate_id",
      "an unknown top key     | 'staff: []\nrota: {officeHours: [], templates: []}\nextra: 1' | unknown_field",
  })
  void refusesBadRotaYaml(String description, String yaml, String code) {
    HarbourException e = assertThrows(HarbourException.class,
        () -> RotaYaml.parseRota(yaml.replace("\\n", "\n"), RotaFixtures.LONDON, 3));
    assertEquals(400, e.status());
    assertEquals(code, e.code(), e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @DisplayName("A broken bank-holiday file is refused with a 400 and a clear code")
  @CsvSource(delimiter = '|', value = {
      "a bad date     | 'bankHolidays: [{date: 2026-02-30, title: X}]'                                  | bad_time",
      "a date twice   | 'bankHolidays: [{date: 2026-12-25, title: X}, {date: 2026-12-25, title: Y}]'    | duplicate_id",
      "a missing title| 'bankHolidays: [{date: 2026-12-25}]'                                            | missing_field",
  })
  void refusesBadBankHolidayYaml(String description, String yaml, String code) {
    HarbourException e = assertThrows(HarbourException.class,
        () -> BankHolidays.fromYaml(yaml));
    assertEquals(code, e.code(), e.getMessage());
  }
}
