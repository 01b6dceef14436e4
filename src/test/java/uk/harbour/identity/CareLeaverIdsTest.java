package uk.harbour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Young people's ids")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CareLeaverIdsTest {

  @Test
  @DisplayName("are cl- and 16 letters or digits without look-alikes, and never repeat")
  void shapeAndUniqueness() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CareLeaverIds.newId();
      assertTrue(id.matches("cl-[a-km-np-z2-9]{16}"), id);
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }
}
