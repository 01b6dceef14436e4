package uk.harbour.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One episode's timing record: when the young person first wrote, every wait on staff and how it
 * ended, the first response, resolution, escalations, urgency, the shift it fell in and the
 * "Was this helpful?" answer. Never any message text. Built by {@link ConversationFold} as
 * messages are stored; kept packed in one line ({@link #pack}) in the day's roll-up and, while it
 * is a conversation's latest episode, with the conversation's progress. Times are whole seconds
 * (the fold truncates them), so packing loses nothing and a record rebuilt from the messages after
 * a crash is the same line.
 */
public final class Episode {

  /** Demo history's young people have ids starting with this (app's demo seeding). */
  public static final String DEMO_PREFIX = "cl-demo-";

  private static final String VERSION = "1";

  final String conversationId;
  final int number;
  final String pa;
  final boolean demo;
  /** The team whose roll-up holds the record (not packed: the roll-up is the team's). */
  String team = "";
  long start = -1;
  String shiftId = Cover.NONE;
  ShiftType shiftType = ShiftType.NIGHT;
  boolean officeHours;
  boolean urgent;
  long firstResponse = -1;
  String firstResponder = "";
  String responderKind = "";
  long resolved = -1;
  String resolvedBy = "";
  final List<Wait> waits = new ArrayList<>();
  final int[] alerts = new int[3];
  boolean autoReplied;
  int transfers;
  String helpful = "";
  final Set<String> staff = new LinkedHashSet<>();
  /**
   * Read side only (a record read back from a roll-up never changes): what reports work out from
   * it again and again, kept. An outcome with no open wait no longer depends on the time.
   */
  private volatile Outcome settled;
  private volatile java.time.LocalDateTime localStart;

  /** One wait on staff: offsets in seconds from the episode's start; -1 for none. */
  static final class Wait {
    long since;
    long end = -1;
    String answeredBy = "";
    boolean urgent;
    long coverEnd = -1;
    long alert = -1;
    long alertAnswered = -1;

    boolean open() {
      return end < 0;
    }

    boolean answered() {
      return !answeredBy.isEmpty();
    }

    long duration() {
      return end - since;
    }
  }

  Episode(String conversationId, int number, String pa) {
    this.conversationId = Objects.requireNonNull(conversationId);
    this.number = number;
    this.pa = pa == null ? "" : pa;
    this.demo = conversationId.startsWith(DEMO_PREFIX);
  }

  /** The episode enters the figures once the young person has written in it. */
  public boolean started() {
    return start >= 0;
  }

  public String conversationId() {
    return conversationId;
  }

  public int number() {
    return number;
  }

  public Instant startedAt() {
    return Instant.ofEpochSecond(start);
  }

  Outcome outcome(long nowEpochSecond, ReportSettings settings) {
    Outcome known = settled;
    if (known != null) {
      return known;
    }
    Outcome now = Outcome.of(this, nowEpochSecond, settings);
    if (openWait() == null) {
      settled = now;
    }
    return now;
  }

  java.time.LocalDateTime localStart(java.time.ZoneId zone) {
    java.time.LocalDateTime known = localStart;
    if (known == null) {
      known = startedAt().atZone(zone).toLocalDateTime();
      localStart = known;
    }
    return known;
  }

  /** Where the open wait is, if any: the young person's turn nobody has answered yet. */
  Wait openWait() {
    return !waits.isEmpty() && waits.get(waits.size() - 1).open() ? waits.get(waits.size() - 1) : null;
  }

  long offset(Instant at) {
    return at.getEpochSecond() - start;
  }

  /** The key of this episode in its day's roll-up: never contains '.' or '$'. */
  public String key() {
    return safe(conversationId) + "~" + number;
  }

  public String pack() {
    StringBuilder waitText = new StringBuilder();
    for (Wait w : waits) {
      if (!waitText.isEmpty()) {
        waitText.append(';');
      }
      waitText.append(w.since).append(',').append(w.end).append(',').append(clean(w.answeredBy)).append(',').append(w.urgent ? 1 : 0)
          .append(',').append(w.coverEnd).append(',').append(w.alert).append(',').append(w.alertAnswered);
    }
    return String.join("|", VERSION, Integer.toString(number), clean(pa), flag(demo), Long.toString(start), clean(shiftId), shiftType.code(),
        flag(officeHours), flag(urgent), Long.toString(firstResponse), clean(firstResponder), responderKind, Long.toString(resolved),
        clean(resolvedBy), waitText.toString(), alerts[0] + "," + alerts[1] + "," + alerts[2], flag(autoReplied), Integer.toString(transfers),
        helpful, String.join(",", staff.stream().map(Episode::clean).toList()));
  }

  public static Episode unpack(String conversationId, String line) {
    String[] f = line.split("\\|", -1);
    if (f.length != 20 || !VERSION.equals(f[0])) {
      throw new IllegalArgumentException("not a version " + VERSION + " episode record");
    }
    Episode e = new Episode(conversationId, Integer.parseInt(f[1]), f[2]);
    e.start = Long.parseLong(f[4]);
    e.shiftId = f[5];
    e.shiftType = ShiftType.ofCode(f[6]).orElse(ShiftType.NIGHT);
    e.officeHours = "1".equals(f[7]);
    e.urgent = "1".equals(f[8]);
    e.firstResponse = Long.parseLong(f[9]);
    e.firstResponder = f[10];
    e.responderKind = f[11];
    e.resolved = Long.parseLong(f[12]);
    e.resolvedBy = f[13];
    if (!f[14].isEmpty()) {
      for (String text : f[14].split(";")) {
        String[] w = text.split(",", -1);
        Wait wait = new Wait();
        wait.since = Long.parseLong(w[0]);
        wait.end = Long.parseLong(w[1]);
        wait.answeredBy = w[2];
        wait.urgent = "1".equals(w[3]);
        wait.coverEnd = Long.parseLong(w[4]);
        wait.alert = Long.parseLong(w[5]);
        wait.alertAnswered = Long.parseLong(w[6]);
        e.waits.add(wait);
      }
    }
    String[] levels = f[15].split(",");
    for (int i = 0; i < 3; i++) {
      e.alerts[i] = Integer.parseInt(levels[i]);
    }
    e.autoReplied = "1".equals(f[16]);
    e.transfers = Integer.parseInt(f[17]);
    e.helpful = f[18];
    if (!f[19].isEmpty()) {
      e.staff.addAll(Arrays.asList(f[19].split(",")));
    }
    return e;
  }

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }

  /** Usernames and shift ids never hold these (their own rules), but a record must stay one line of fields. */
  private static String clean(String text) {
    return text == null ? "" : text.replaceAll("[|,;\\n]", "_");
  }

  static String safe(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (char c : id.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** The conversation id and episode number a roll-up key names ({@link #key}). */
  static String conversationIdOf(String key) {
    String safe = key.substring(0, key.lastIndexOf('~'));
    StringBuilder out = new StringBuilder(safe.length());
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      if (c == '%' && i + 4 < safe.length()) {
        out.append((char) Integer.parseInt(safe.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
