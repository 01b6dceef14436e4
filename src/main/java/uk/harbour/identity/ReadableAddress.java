package uk.harbour.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network address from the audit log as a person reads it ({@code text}), with the exact address
 * kept beside it ({@code raw}). IPv6 addresses arrive in Java's long form, {@code 0:0:0:0:0:0:0:1};
 * both values use the short form (RFC 5952), which names the same address.
 */
public record ReadableAddress(String text, String raw) {

  static final String THIS_COMPUTER = "this computer (localhost)";
  static final String NOT_RECORDED = "not recorded";

  public static ReadableAddress of(String address) {
    String plain = address == null ? "" : address.strip();
    if (plain.isEmpty() || plain.equals("-") || plain.equals("unknown")) {
      return new ReadableAddress(NOT_RECORDED, plain);
    }
    if (plain.startsWith("[") && plain.endsWith("]")) {
      plain = plain.substring(1, plain.length() - 1);
    }
    if (plain.indexOf(':') < 0) {
      return new ReadableAddress(plain.startsWith("127.") ? THIS_COMPUTER : plain, plain);
    }
    int zone = plain.indexOf('%');
    Optional<int[]> parsed = groups(zone < 0 ? plain : plain.substring(0, zone));
    if (parsed.isEmpty()) {
      return new ReadableAddress(plain, plain);
    }
    int[] g = parsed.get();
    if (isMappedIpv4(g)) {
      String v4 = (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
      return new ReadableAddress(v4.startsWith("127.") ? THIS_COMPUTER : v4, v4);
    }
    String shortForm = compress(g) + (zone < 0 ? "" : plain.substring(zone));
    return new ReadableAddress(isLoopback(g) ? THIS_COMPUTER : shortForm, shortForm);
  }

  private static boolean isLoopback(int[] g) {
    for (int i = 0; i < 7; i++) {
      if (g[i] != 0) {
        return false;
      }
    }
    return g[7] == 1;
  }

  private static boolean isMappedIpv4(int[] g) {
    for (int i = 0; i < 5; i++) {
      if (g[i] != 0) {
        return false;
      }
    }
    return g[5] == 0xffff;
  }

  /** The eight 16-bit groups, or empty when this is not an IPv6 address. */
  private static Optional<int[]> groups(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    List<Integer> head = gap < 0 ? pieces(text) : pieces(text.substring(0, gap));
    List<Integer> tail = gap < 0 ? List.of() : pieces(text.substring(gap + 2));
    if (head == null || tail == null) {
      return Optional.empty();
    }
    int missing = 8 - head.size() - tail.size();
    if (gap < 0 ? missing != 0 : missing < 1) {
      return Optional.empty();
    }
    int[] g = new int[8];
    for (int i = 0; i < head.size(); i++) {
      g[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      g[8 - tail.size() + i] = tail.get(i);
    }
    return Optional.of(g);
  }

  /** Colon-separated hex groups; a dotted IPv4 ending counts as two groups. Null when malformed. */
  private static List<Integer> pieces(String text) {
    List<Integer> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    String[] parts = text.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.indexOf('.') >= 0) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4) {
          return null;
        }
        int[] v = new int[4];
        for (int o = 0; o < 4; o++) {
          if (!octets[o].matches("\\d{1,3}") || Integer.parseInt(octets[o]) > 255) {
            return null;
          }
          v[o] = Integer.parseInt(octets[o]);
        }
        out.add(v[0] << 8 | v[1]);
        out.add(v[2] << 8 | v[3]);
      } else if (part.matches("[0-9A-Fa-f]{1,4}")) {
        out.add(Integer.parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  private static String compress(int[] g) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
