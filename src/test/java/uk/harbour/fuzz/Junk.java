package uk.harbour.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;

/** Hostile values and texts, drawn from a seeded {@link Random} so a failing run can be repeated. */
final class Junk {

  private static final List<String> TEXTS = List.of(
      "", " ", "\t\n", "hello", "a\u0000b", "\u0007bell", "\uD800", "x\uDC00", "\uD83D\uDE00", "👨‍👩‍👧", "e\u0301",
      "\u00A0\u00A0", "<script>alert(1)</script>", "{{this}}", "$where", "a.b", "../../etc/passwd", "%", "%zz", "%00",
      "' OR 1=1 --", "\u202Eevil", "null", "true", "1e400", "-0", "9".repeat(40), "💬".repeat(3000), "x".repeat(4001),
      "y".repeat(17000));
  private static final List<Object> NUMBERS = List.of(0, -1, 1, 1.5, -0.0, Long.MAX_VALUE, Long.MIN_VALUE, Double.NaN,
      Double.POSITIVE_INFINITY, 1e300, Integer.MAX_VALUE + 1L);

  private final Random random;

  Junk(Random random) {
    this.random = random;
  }

  int below(int n) {
    return random.nextInt(n);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  String text() {
    return chance(0.5) ? pick(TEXTS) : randomChars(below(40));
  }

  String randomChars(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) (chance(0.8) ? 32 + below(95) : below(0x10000)));
    }
    return out.toString();
  }

  /** Any JSON value, including the kinds a field never expects. */
  Object value(int depth) {
    return switch (below(depth > 3 ? 4 : 7)) {
      case 0 -> text();
      case 1 -> pick(NUMBERS);
      case 2 -> chance(0.5);
      case 3 -> null;
      case 4 -> new JsonArray().add(value(depth + 1)).add(value(depth + 1));
      case 5 -> new JsonObject().put(key(), value(depth + 1));
      default -> new JsonObject().put("$gt", "");
    };
  }

  String key() {
    return pick(List.of("type", "text", "clientId", "conversationId", "$where", "a.b", "", "__proto__", "kind", "afterSeq", randomChars(6)));
  }

  /** Text that is not one JSON object: truncated, commented, doubled, or not JSON at all. */
  String brokenJson(String valid) {
    return switch (below(8)) {
      case 0 -> valid.substring(0, below(Math.max(1, valid.length())));
      case 1 -> "/* c */" + valid;
      case 2 -> valid + valid;
      case 3 -> valid.replace("\"", "'");
      case 4 -> valid.replaceFirst(",", ",,");
      case 5 -> "[" + valid + "]";
      case 6 -> "{\"type\":\"send\",\"type\":\"read\"}";
      default -> randomChars(below(200));
    };
  }
}
