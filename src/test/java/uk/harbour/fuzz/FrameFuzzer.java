package uk.harbour.fuzz;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Client frames, most of them wrong: each starts as a frame the protocol knows and is then bent
 * (a field dropped, changed to a hostile value, an unknown or {@code $} key added, the JSON
 * broken). A well-formed {@code send} that survives is remembered with its client id, so the test
 * can check that the store holds exactly what was sent and nothing else.
 */
final class FrameFuzzer {

  private static final List<String> TYPES = List.of(
      "send", "resume", "history", "typing", "read", "presence", "transfer", "resolve", "priority", "acknowledge", "queue", "risk", "feedback", "alertReceived", "bogus");

  private final Junk junk;
  private final List<String> conversationIds;

  FrameFuzzer(Junk junk, List<String> conversationIds) {
    this.junk = junk;
    this.conversationIds = List.copyOf(conversationIds);
  }

  /** A frame as text, and the send it may store (client id → text), if it is one. */
  record Frame(String text, Map<String, String> send) {}

  Frame next() {
    JsonObject frame = valid(junk.pick(TYPES));
    int bend = junk.below(10);
    if (bend < 3) {
      // Left valid: the server must accept these too.
    } else if (bend < 5) {
      String field = junk.pick(List.copyOf(frame.fieldNames()));
      frame.put(field, junk.value(0));
    } else if (bend < 6) {
      frame.remove(junk.pick(List.copyOf(frame.fieldNames())));
    } else if (bend < 8) {
      frame.put(junk.key(), junk.value(0));
    } else {
      return new Frame(junk.brokenJson(frame.encode()), Map.of());
    }
    // Judged as the server will read it: encoding quotes Infinity and turns a lone surrogate into '?'.
    String text = new String(frame.encode().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    JsonObject wire = new JsonObject(text);
    boolean send = "send".equals(wire.getValue("type")) && wire.getValue("clientId") instanceof String && wire.getValue("text") instanceof String;
    return new Frame(text, send ? Map.of(wire.getString("clientId"), wire.getString("text")) : Map.of());
  }

  private JsonObject valid(String type) {
    String conversation = junk.pick(conversationIds);
    JsonObject frame = new JsonObject().put("type", type);
    switch (type) {
      case "send" -> frame.put("clientId", "fz-" + UUID.randomUUID()).put("text", junk.chance(0.7) ? "fuzz " + junk.below(1_000_000) : junk.text())
          .put("conversationId", conversation);
      case "resume" -> frame.put("conversationId", conversation).put("afterSeq", junk.below(5));
      case "history" -> frame.put("conversationId", conversation).put("beforeSeq", 1 + junk.below(50)).put("limit", 1 + junk.below(100));
      case "typing", "resolve", "acknowledge" -> frame.put("conversationId", conversation);
      case "read" -> frame.put("conversationId", conversation).put("seq", junk.below(50));
      case "alertReceived" -> frame.put("conversationId", conversation).put("seq", junk.below(50));
      case "presence" -> frame.put("status", junk.pick(List.of("available", "busy", "away")));
      case "transfer" -> frame.put("conversationId", conversation).put("to", junk.pick(List.of("sam", "kit", "nobody")));
      case "priority" -> frame.put("conversationId", conversation).put("priority", junk.pick(List.of("normal", "urgent")));
      case "risk" -> frame.put("conversationId", conversation).put("action", junk.pick(List.of("raise", "clear")))
          .put("categories", new io.vertx.core.json.JsonArray().add(junk.pick(List.of("suicide_self_harm", "no_safe_place", "none"))))
          .put("reason", junk.text());
      case "feedback" -> frame.put("episode", 1 + junk.below(3)).put("answer", junk.pick(List.of("yes", "not_really", "skip")));
      default -> {
        // "queue" and an unknown type carry nothing else.
      }
    }
    return frame;
  }
}
