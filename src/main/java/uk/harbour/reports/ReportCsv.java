package uk.harbour.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV exports: the summary's figures as {@code figure,value} lines (the API's JSON flattened
 * into dotted names, so the two cannot disagree) and one line per episode. Never message text.
 */
public final class ReportCsv {

  public static final String EPISODE_HEADER =
      "conversation_id,episode,team,started_at,started_local,shift,shift_type,office_hours,urgent,first_response_s,first_responder,"
          + "responder,turns,turns_answered,longest_wait_s,resolution_s,resolved_by,missed,within_sla,escalation_level,alerts,"
          + "acknowledgement_s,auto_replied,transfers,helpful,staff,demo";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Fields that name an element of a list, so a flattened name says which: byDay.2026-03-24.episodes. */
  private static final List<String> NAMES = List.of("date", "day", "adviser", "shift");

  private ReportCsv() {}

  public static String summary(JsonObject summary) {
    StringBuilder out = new StringBuilder("figure,value\n");
    flatten(summary).forEach((name, value) -> out.append(cell(name)).append(',').append(cell(value == null ? "" : String.valueOf(value))).append('\n'));
    return out.toString();
  }

  /** Every figure of the summary by dotted name: objects by field, lists by their element's name or index. */
  public static Map<String, Object> flatten(JsonObject summary) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", summary, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof JsonObject object) {
      for (String field : object.fieldNames()) {
        flatten(prefix + field + ".", object.getValue(field), out);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        Object element = array.getValue(i);
        String name = Integer.toString(i);
        if (element instanceof JsonObject object) {
          name = NAMES.stream().filter(object::containsKey).findFirst().map(object::getString).orElse(name);
        }
        flatten(prefix + name + ".", element, out);
      }
    } else {
      out.put(prefix.substring(0, prefix.length() - 1), value);
    }
  }

  public static String episodes(List<Episode> episodes, long nowEpochSecond, ReportSettings settings) {
    StringBuilder out = new StringBuilder(EPISODE_HEADER).append('\n');
    ZoneId zone = settings.zone();
    for (Episode e : episodes) {
      Outcome o = Outcome.of(e, nowEpochSecond, settings);
      long longest = 0;
      int answered = 0;
      for (Episode.Wait w : e.waits) {
        longest = Math.max(longest, w.open() ? nowEpochSecond - e.start - w.since : w.duration());
        answered += w.answered() ? 1 : 0;
      }
      Long acknowledgement = o.acknowledgements.isEmpty() ? null : o.acknowledgements.get(0);
      List<String> cells = new ArrayList<>(List.of(
          e.conversationId, Integer.toString(e.number), e.team, e.startedAt().toString(), LOCAL.format(e.startedAt().atZone(zone)),
          e.shiftId, e.shiftType.code(), yesNo(e.officeHours), yesNo(e.urgent), seconds(e.firstResponse), e.firstResponder,
          e.responderKind, Integer.toString(e.waits.size()), Integer.toString(answered), Long.toString(longest), seconds(e.resolved),
          e.resolvedBy, decided(o.missed), decided(o.withinSla), Integer.toString(o.topLevel()),
          Integer.toString(e.alerts[0] + e.alerts[1] + e.alerts[2]), acknowledgement == null ? "" : acknowledgement.toString(),
          yesNo(e.autoReplied), Integer.toString(e.transfers), e.helpful, String.join(" ", e.staff), yesNo(e.demo)));
      out.append(String.join(",", cells.stream().map(ReportCsv::cell).toList())).append('\n');
    }
    return out.toString();
  }

  private static String seconds(long value) {
    return value < 0 ? "" : Long.toString(value);
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String decided(Boolean value) {
    return value == null ? "pending" : value ? "yes" : "no";
  }

  /** Quotes what needs it, and keeps a spreadsheet from reading a cell as a formula. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
