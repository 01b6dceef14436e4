package uk.harbour.web;

/** Small wording helpers shared by pages and messages, so "1 minutes" cannot happen twice. */
public final class PlainEnglish {

  private PlainEnglish() {}

  /** "1 minute", "5 minutes", "0 minutes". */
  public static String count(long n, String unit) {
    return n + " " + (n == 1 ? unit : unit + "s");
  }
}
