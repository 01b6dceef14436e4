package uk.harbour.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Medians and 90th percentiles for many groups in one sort, and the unpacked days kept between reports")
@Timeout(30)
class GroupStatsTest {

  @Test
  @DisplayName("Every group's median and p90 equal sorting that group's own values (nearest rank)")
  void sameAsSortingEachGroup() {
    Random random = new Random(7);
    GroupStats stats = new GroupStats();
    Map<String, List<Long>> expected = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      long value = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(100_000);
      String[] groups = random.nextBoolean() ? new String[] {"all", "g" + random.nextInt(7)} : new String[] {"all"};
      stats.add(value, groups);
      for (String g : groups) {
        expected.computeIfAbsent(g, k -> new ArrayList<>()).add(value);
      }
    }
    assertTrue(expected.size() > 5);
    expected.forEach((group, values) -> assertEquals(Stat.of(values), stats.stat(group), group));
    assertEquals(new Stat(0, null, null), stats.stat("nobody"));
  }

  @Test
  @DisplayName("Nearest rank: the median of 1, 2, 3, 4 is 2 and their p90 is 4; of 10 values the p90 is the 9th")
  void nearestRank() {
    assertEquals(new Stat(4, 2L, 4L), Stat.of(List.of(4L, 1L, 3L, 2L)));
    assertEquals(new Stat(10, 5L, 9L), Stat.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)));
    assertEquals(new Stat(1, 7L, 7L), Stat.of(List.of(7L)));
  }

  @Test
  @DisplayName("A day read while the writer was writing it is not kept; one written before the read is")
  void dayCacheDropsReadsOverlappingAWrite() {
    DayCache cache = new DayCache(100);
    DayBlock e = block(new Episode("cl-x", 1, "sam"));
    long before = cache.generation();
    cache.forget(List.of("t|2026-03-24"));
    cache.put("t|2026-03-24", e, before);
    assertTrue(cache.get("t|2026-03-24").isEmpty(), "the read began before that day was written again");
    long after = cache.generation();
    cache.put("t|2026-03-24", e, after);
    assertEquals(e, cache.get("t|2026-03-24").orElseThrow());
    DayBlock empty = block();
    cache.put("t|2026-03-25", empty, after);
    assertEquals(empty, cache.get("t|2026-03-25").orElseThrow(), "an empty day is kept too");
    cache.forget(List.of("t|2026-03-24"));
    assertTrue(cache.get("t|2026-03-24").isEmpty());
  }

  private static DayBlock block(Episode... episodes) {
    return new DayBlock(java.time.LocalDate.parse("2026-03-24"), List.of(episodes), new Tally(), List.of());
  }

  @Test
  @DisplayName("The cache holds at most its number of episodes, dropping the least recently used days")
  void dayCacheIsBounded() {
    DayCache cache = new DayCache(3);
    DayBlock two = block(new Episode("cl-a", 1, "sam"), new Episode("cl-b", 1, "sam"));
    cache.put("d1", two, cache.generation());
    cache.put("d2", two, cache.generation());
    assertTrue(cache.get("d1").isEmpty());
    assertEquals(two, cache.get("d2").orElseThrow());
  }
}
