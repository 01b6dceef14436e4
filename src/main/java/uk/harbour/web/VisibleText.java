package uk.harbour.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules people meet: what counts as white space, which characters are refused, and how
 * long a text is as its reader sees it. Docs: docs/chat-protocol.md ("Text") and docs/api.md.
 */
public final class VisibleText {

  /** An extended grapheme cluster (Unicode 13 in Java 17): an emoji ZWJ sequence, a flag, e + accent. */
  private static final Pattern CHARACTER = Pattern.compile("\\X");

  private VisibleText() {}

  /**
   * Unicode White_Space: the space separators (no-break spaces too), tab, line feed, vertical tab,
   * form feed, carriage return and next line. {@link String#strip} misses the no-break spaces.
   */
  static boolean whiteSpace(char c) {
    return Character.isSpaceChar(c) || (c >= '\t' && c <= '\r') || c == '\u0085';
  }

  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && whiteSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && whiteSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** False for a control character other than newline and tab, or half of a surrogate pair. */
  public static boolean allowed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text on one line, white space runs (newlines too) as one space, cut to at most
   * {@code max} characters as a reader counts them, with "…" when cut. Reads only as far as it
   * needs, so a long text costs no more than a short one.
   */
  public static String oneLine(String text, int max) {
    String line = trim(text);
    // In plain ASCII every char is a character: the grapheme pattern, the costly part, is not needed.
    Matcher matcher = ascii(line) ? null : CHARACTER.matcher(line);
    StringBuilder out = new StringBuilder();
    int count = 0;
    boolean space = false;
    int end = 0;
    while (end < line.length()) {
      int start = end;
      end = matcher == null ? start + 1 : next(matcher);
      if (end - start == 1 && whiteSpace(line.charAt(start)) || end - start == 2 && line.startsWith("\r\n", start)) {
        space = true;
        continue;
      }
      int needed = space ? 2 : 1;
      if (count + needed > max) {
        return out.append('…').toString();
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(line, start, end);
      count += needed;
    }
    return out.toString();
  }

  private static int next(Matcher matcher) {
    matcher.find();
    return matcher.end();
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** How many characters a reader sees: extended grapheme clusters, so 👨‍👩‍👧 and é (e + ◌́) are one each. */
  public static int length(String text) {
    Matcher matcher = CHARACTER.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
