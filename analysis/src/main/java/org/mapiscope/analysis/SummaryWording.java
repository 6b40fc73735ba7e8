package org.mapiscope.analysis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wording shared by summaries and evidence texts. */
final class SummaryWording {

  private SummaryWording() {}

  /** {@code 2 h 5 min}, {@code 45 min}, {@code 30 s}. */
  static String duration(long ms) {
    long minutes = ms / 60_000;
    if (minutes == 0) {
      return Math.max(0, ms / 1000) + " s";
    }
    long hours = minutes / 60;
    if (hours == 0) {
      return minutes + " min";
    }
    if (hours >= 48) {
      return hours / 24 + " days " + hours % 24 + " h";
    }
    return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
  }

  /** ISO-8601 UTC to the second, as the JSON writes times. */
  static String time(Instant t) {
    return t == null ? "an unknown time" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 1 session}, {@code 3 sessions}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** Milliseconds with thousands separators and the minutes, as admins read KeepAliveTime. */
  static String keepAlive(long ms) {
    return String.format(java.util.Locale.ROOT, "%,d ms (%s)", ms, duration(ms));
  }
}
