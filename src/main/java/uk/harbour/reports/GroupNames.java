package uk.harbour.reports;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups figures are kept for ("all", "officeHours", "shift:sat-night", "adviser:sam"), each
 * numbered once for the life of the process, so summing a year of episodes looks nothing up by
 * name. There are as many as there are shifts and members of staff, plus a handful.
 */
final class GroupNames {

  private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();

  private GroupNames() {}

  static int id(String name) {
    Integer known = IDS.get(name);
    return known != null ? known : IDS.computeIfAbsent(name, k -> IDS.size());
  }

  static int shift(String shiftId) {
    return id("shift:" + shiftId);
  }

  static int adviser(String username) {
    return id("adviser:" + username);
  }

  static int count() {
    return IDS.size();
  }
}
