package uk.harbour.signposting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.harbour.web.HarbourException;

/**
 * Reads a seed file from {@code config/signposting/}: {@code entries:} then a list in the
 * catalogue's JSON shape ({@link CatalogueJson}). Takes text: the caller reads the file off the
 * event loop. YAML is read the rota's way (times and dates stay text).
 */
public final class CatalogueSeed {

  public static final String NATIONAL = "national.yaml";
  public static final String DEMO_LOCAL = "demo-local.yaml";

  private CatalogueSeed() {}

  public static List<CatalogueEntry> parse(String yaml, ZoneId zone, boolean demo) {
    Object parsed = uk.harbour.web.YamlInput.parse(yaml);
    if (!(parsed instanceof JsonObject root) || !(root.getValue("entries") instanceof JsonArray list) || root.size() != 1) {
      throw HarbourException.badRequest("bad_seed", "A catalogue seed file has one key, 'entries', holding a list.");
    }
    List<CatalogueEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject json)) {
        throw HarbourException.badRequest("bad_seed", "entries[" + i + "] must be an object.");
      }
      CatalogueEntry entry;
      try {
        entry = CatalogueJson.parse(json, zone);
      } catch (HarbourException e) {
        throw HarbourException.badRequest(e.code(), "entries[" + i + "] (" + json.getValue("id") + "): " + e.getMessage());
      }
      if (entry.demo() != demo) {
        throw HarbourException.badRequest("bad_seed", entry.id() + ": demo entries belong in " + DEMO_LOCAL + " only, marked demo: true.");
      }
      if (!ids.add(entry.id())) {
        throw HarbourException.badRequest("duplicate_id", entry.id() + " is listed twice.");
      }
      entries.add(entry);
    }
    return entries;
  }
}
