package org.mapiscope.ingest.snapshot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as PowerShell's {@code Export-Csv} writes them in the exporting machine's culture ({@code
 * 6/12/2009 9:14:03 AM}, {@code 12.06.2009 09:14:03}, {@code 12/06/2009 09:14:03}), ISO dates, and
 * WMI CIM datetimes ({@code 20050614093012.000000+060}). Whether day or month comes first is
 * decided once per file from all its dates ({@link #observe}): a part above 12 settles it;
 * otherwise dots mean day first (de, ru, …), AM/PM means month first (en-US), and slashes with a
 * 24-hour clock mean day first (en-GB, fr). Local times are in the run's timezone. Not thread-safe.
 */
final class CultureDates {

  private static final Pattern CULTURE =
      Pattern.compile(
          "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})["
              + " T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,7}))?)?\\s*"
              + "(AM|PM|am|pm|a\\.m\\.|p\\.m\\.)?");
  private static final Pattern CIM =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6})([+-])(\\d{3})");
  private static final Pattern ISO_LOCAL =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");

  private final ZoneId zone;
  private boolean firstAbove12;
  private boolean secondAbove12;
  private boolean dots;
  private boolean ampm;

  CultureDates(ZoneId zone) {
    this.zone = zone;
  }

  /** Learns from one date of the file, before any {@link #parse}. */
  void observe(String s) {
    Matcher m = CULTURE.matcher(s.strip());
    if (m.matches()) {
      firstAbove12 |= Integer.parseInt(m.group(1)) > 12;
      secondAbove12 |= Integer.parseInt(m.group(3)) > 12;
      dots |= m.group(2).equals(".");
      ampm |= m.group(9) != null;
    }
  }

  boolean dayFirst() {
    if (firstAbove12 != secondAbove12) {
      return firstAbove12;
    }
    return dots || !ampm;
  }

  /**
   * @return the instant, or {@code null} for a blank value
   * @throws IllegalArgumentException when the value is no date this class knows
   */
  Instant parse(String value) {
    String s = value == null ? "" : value.strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      Matcher cim = CIM.matcher(s);
      if (cim.matches()) {
        LocalDateTime t =
            LocalDateTime.of(
                num(cim, 1),
                num(cim, 2),
                num(cim, 3),
                num(cim, 4),
                num(cim, 5),
                num(cim, 6),
                num(cim, 7) * 1000);
        int minutes = num(cim, 9) * (cim.group(8).equals("-") ? -1 : 1);
        return t.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
      }
      Matcher m = CULTURE.matcher(s);
      if (m.matches()) {
        int a = num(m, 1);
        int b = num(m, 3);
        int hour = num(m, 5);
        String half = m.group(9);
        if (half != null) {
          boolean pm = half.toLowerCase(Locale.ROOT).startsWith("p");
          hour = hour % 12 + (pm ? 12 : 0);
        }
        int nanos =
            m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "000000000").substring(0, 9));
        LocalDateTime t =
            LocalDateTime.of(
                num(m, 4),
                dayFirst() ? b : a,
                dayFirst() ? a : b,
                hour,
                num(m, 6),
                m.group(7) == null ? 0 : num(m, 7),
                nanos);
        return t.atZone(zone).toInstant();
      }
      Matcher iso = ISO_LOCAL.matcher(s);
      if (iso.matches()) {
        int nanos =
            iso.group(7) == null
                ? 0
                : Integer.parseInt((iso.group(7) + "000000000").substring(0, 9));
        return LocalDateTime.of(
                num(iso, 1),
                num(iso, 2),
                num(iso, 3),
                num(iso, 4),
                num(iso, 5),
                iso.group(6) == null ? 0 : num(iso, 6),
                nanos)
            .atZone(zone)
            .toInstant();
      }
      return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' is not a date"
              + (e instanceof DateTimeParseException ? "" : ": " + e.getMessage()));
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
