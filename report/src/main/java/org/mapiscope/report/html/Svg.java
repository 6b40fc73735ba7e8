package org.mapiscope.report.html;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number formatting and axis labels shared by the inline SVG charts. */
final class Svg {

  private Svg() {}

  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String n(long v) {
    return Long.toString(v);
  }

  static String dayHour(Instant t, ZoneId zone) {
    return DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(zone).format(t);
  }

  static String dateTime(Instant t, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone).format(t);
  }
}
