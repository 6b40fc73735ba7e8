package org.mapiscope.report.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, time and width helpers for aligned plain-text output. */
final class ConsoleFormat {

  private ConsoleFormat() {}

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static String time(Instant t) {
    return t == null ? "-" : MINUTES.format(t);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 2 d 5 h}, {@code 3 h 10 min}, {@code 42 s}. */
  static String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86_400) {
      return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }
    if (s >= 3600) {
      return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
    return s >= 60 ? s / 60 + " min" : s + " s";
  }

  /**
   * A registry-style millisecond value in words: {@code 2 h}, {@code 5 min}, {@code 90 s}, {@code
   * 1,500 ms}.
   */
  static String millis(long ms) {
    if (ms >= 3_600_000 && ms % 3_600_000 == 0) {
      return count(ms / 3_600_000) + " h";
    }
    if (ms >= 60_000 && ms % 60_000 == 0) {
      return count(ms / 60_000) + " min";
    }
    if (ms >= 1_000 && ms % 1_000 == 0) {
      return count(ms / 1_000) + " s";
    }
    return count(ms) + " ms";
  }

  /** A rate as a percentage with two decimals: {@code 1.25%}. */
  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", rate * 100);
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** Shortens to {@code max} characters with an ellipsis. */
  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
  }
}
