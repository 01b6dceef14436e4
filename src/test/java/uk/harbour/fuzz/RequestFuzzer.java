package uk.harbour.fuzz;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Raw HTTP requests to every route, most of them wrong: odd methods, broken {@code %} escapes, far
 * dates and huge numbers in the query, JSON bodies with hostile values and {@code $} keys, form
 * bodies on the wrong methods, wrong content types and lengths, with or without a signed-in
 * session and its CSRF token.
 */
final class RequestFuzzer {

  private static final List<String> PATHS = List.of(
      "/", "/help", "/join", "/join/abc", "/signin", "/signin/young-person", "/chat", "/console", "/saved", "/people",
      "/rota", "/audit", "/catalogue", "/catalogue/x", "/admin/staff", "/conversations/ID/transcript",
      "/api/csrf", "/api/me", "/api/session", "/api/session/young-person", "/api/invites/redeem", "/api/audit",
      "/api/care-leavers", "/api/care-leavers/ID", "/api/care-leavers/ID/invites", "/api/care-leavers/ID/pa",
      "/api/conversations/ID/transcript", "/api/conversations/ID/cards", "/api/conversations/ID/card-suggestions",
      "/api/rota", "/api/rota/shifts", "/api/rota/gaps", "/api/rota/overrides", "/api/rota/overrides/x",
      "/api/signposting/entries", "/api/signposting/entries/x", "/api/saved", "/api/saved/x", "/api/staff", "/api/on-call",
      "/api/safety/check", "/reports", "/api/reports/summary", "/api/reports/summary.csv", "/api/reports/episodes.csv", "/api/reports/me",
      "/rota/overrides", "/rota/office-hours", "/people/ID/invite", "/saved", "/health/ready", "/nowhere", "/%", "/api/%");
  private static final List<String> METHODS = List.of("GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "BREW");
  private static final List<String> QUERIES = List.of(
      "", "?", "?%", "?a=%zz", "?from=-999999999-01-01", "?from=2026-01-01&to=2027-12-31", "?week=-999999999-01-01",
      "?week=2026-11-30", "?from=2026-11-01&to=2026-11-30", "?q=%E2%82", "?limit=1e400", "?limit=-1", "?kind=$where",
      "?from=+9999999-01-01", "?preset=quarter&adviser=%24where", "?preset=7d&from=2026-11-01", "?shiftType=x&priority=urgent&team=a%7Cb");
  private static final List<String> TYPES = List.of(
      "application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "text/plain", "application/json; charset=latin1", "");

  /** A caller: its cookie header and CSRF token (both empty for a stranger). */
  record Caller(String cookies, String csrf) {}

  private final Junk junk;
  private final List<Caller> callers;
  private final List<String> ids;
  private String path;

  RequestFuzzer(Junk junk, List<Caller> callers, List<String> ids) {
    this.junk = junk;
    this.callers = List.copyOf(callers);
    this.ids = List.copyOf(ids);
  }

  /** The request's bytes; {@link #path} of the last one says where it went. */
  byte[] next() {
    String method = junk.pick(METHODS);
    path = junk.pick(PATHS).replace("ID", junk.pick(ids));
    String target = path + junk.pick(QUERIES);
    Caller caller = junk.pick(callers);
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if (!caller.cookies().isEmpty()) {
      head.append("Cookie: ").append(caller.cookies()).append("\r\n");
    }
    if (!caller.csrf().isEmpty() && junk.chance(0.8)) {
      head.append("X-XSRF-TOKEN: ").append(caller.csrf()).append("\r\n");
    }
    String type = junk.pick(TYPES);
    if (!type.isEmpty()) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    byte[] body = body(type).getBytes(StandardCharsets.UTF_8);
    boolean withBody = !"GET".equals(method) || junk.chance(0.1);
    if (withBody) {
      // Now and then a length shorter than the body: the rest reads as a broken next request.
      int length = junk.chance(0.05) ? Math.max(0, body.length - 3) : body.length;
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (!withBody) {
      return start;
    }
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  String path() {
    return path;
  }

  private String body(String type) {
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return junk.pick(List.of("a=1", "a=%zz", "kind=COVER&adviser=sam&start=-999999999-01-01T00:00&end=x", "text=" + junk.randomChars(10), ""));
    }
    JsonObject json = new JsonObject();
    for (int i = junk.below(5); i > 0; i--) {
      json.put(junk.pick(List.of("username", "password", "text", "firstName", "dateOfBirth", "code", "loginName", "passphrase", "entryId",
          "start", "end", "kind", "adviser", "version", "$set", "a.b", "officeHours", "templates")), junk.value(0));
    }
    return junk.chance(0.3) ? junk.brokenJson(json.encode()) : json.encode();
  }
}
