package uk.harbour.reports;

/** Whole seconds as people read them: "45 s", "4 min 05 s", "2 h 05 min", "3 d 4 h"; a dash for nothing. */
final class Durations {

  private Durations() {}

  static String words(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = seconds;
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min " + String.format("%02d", s % 60) + " s";
    }
    if (s < 86_400) {
      return s / 3600 + " h " + String.format("%02d", s % 3600 / 60) + " min";
    }
    return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
  }
}
