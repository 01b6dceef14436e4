package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Addresses on the audit page")
@Timeout(30)
class ReadableAddressTest {

  @ParameterizedTest(name = "{0} reads as \"{1}\", raw {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0:0:0:0:0:0:0:1          | this computer (localhost) | ::1",
        "::1                      | this computer (localhost) | ::1",
        "[::1]                    | this computer (localhost) | ::1",
        "127.0.0.1                | this computer (localhost) | 127.0.0.1",
        "203.0.113.7              | 203.0.113.7               | 203.0.113.7",
        "2001:db8:0:0:0:0:2:1     | 2001:db8::2:1             | 2001:db8::2:1",
        "2001:DB8:0:0:1:0:0:1     | 2001:db8::1:0:0:1         | 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1     | 2001:db8:0:1:1:1:1:1      | 2001:db8:0:1:1:1:1:1",
        "fe80:0:0:0:1:2:3:4%eth0  | fe80::1:2:3:4%eth0        | fe80::1:2:3:4%eth0",
        "0:0:0:0:0:ffff:cb00:7107 | 203.0.113.7               | 203.0.113.7",
        "::ffff:127.0.0.1         | this computer (localhost) | 127.0.0.1",
        "0:0:0:0:0:0:0:0          | ::                        | ::",
        "-                        | not recorded              | -",
        "unknown                  | not recorded              | unknown",
        "1:2:3                    | 1:2:3                     | 1:2:3",
        "1::2::3                  | 1::2::3                   | 1::2::3",
        "nonsense:zz              | nonsense:zz               | nonsense:zz",
      })
  void readable(String stored, String text, String raw) {
    ReadableAddress address = ReadableAddress.of(stored);
    assertEquals(text, address.text());
    assertEquals(raw, address.raw());
  }
}
