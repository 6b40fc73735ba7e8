package org.mapiscope.evtx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Windows time stamps to {@link Instant} and back to text, keeping FILETIME's 100 ns precision. */
public final class FileTimes {

  /** Seconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
  private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

  private static final long TICKS_PER_SECOND = 10_000_000L;

  private FileTimes() {}

  /** A FILETIME (100 ns ticks since 1601, read as unsigned) as an instant. */
  public static Instant fromFileTime(long ticks) {
    long seconds = Long.divideUnsigned(ticks, TICKS_PER_SECOND) - EPOCH_DIFF_SECONDS;
    long rest = Long.remainderUnsigned(ticks, TICKS_PER_SECOND);
    return Instant.ofEpochSecond(seconds, rest * 100);
  }

  /** The FILETIME of an instant, truncated to 100 ns. */
  public static long toFileTime(Instant instant) {
    return (instant.getEpochSecond() + EPOCH_DIFF_SECONDS) * TICKS_PER_SECOND
        + instant.getNano() / 100;
  }

  /**
   * A SYSTEMTIME (eight 16-bit fields) as an instant, or {@code null} when a field is out of range.
   */
  static Instant fromSystemTime(
      int year, int month, int day, int hour, int minute, int second, int millis) {
    if (month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 59
        || millis > 999) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * ISO-8601 UTC with exactly seven fraction digits, as Windows writes {@code SystemTime} ({@code
   * 2026-11-02T08:15:00.1234567Z}).
   */
  public static String iso7(Instant t) {
    StringBuilder sb = new StringBuilder(28);
    appendIso7(sb, t);
    return sb.toString();
  }

  static void appendIso7(StringBuilder sb, Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      sb.append(t);
      return;
    }
    pad(sb, year, 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    pad(sb, d.getDayOfMonth(), 2).append('T');
    pad(sb, d.getHour(), 2).append(':');
    pad(sb, d.getMinute(), 2).append(':');
    pad(sb, d.getSecond(), 2).append('.');
    pad(sb, t.getNano() / 100, 7).append('Z');
  }

  /**
   * {@link #iso7} of the instant {@code epochSecond + nano}, written without intermediate objects.
   */
  static void writeIso7(ByteSink out, long epochSecond, int nano) {
    long days = epochSecond >= 0 ? epochSecond / 86_400 : Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) (epochSecond - 86_400 * days);
    if (out.iso7SameDay(days, secondOfDay, nano / 100)) {
      return;
    }
    // Civil date from days since 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil
    // inverse).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      out.ascii(Instant.ofEpochSecond(epochSecond, nano).toString());
      return;
    }
    out.iso7(days, (int) year, month, day, secondOfDay, nano / 100);
  }

  /** {@link #writeIso7} of a FILETIME, as {@link #fromFileTime} reads it. */
  static void writeIso7(ByteSink out, long fileTime) {
    if (fileTime < 0) {
      long seconds = Long.divideUnsigned(fileTime, TICKS_PER_SECOND) - EPOCH_DIFF_SECONDS;
      writeIso7(out, seconds, (int) Long.remainderUnsigned(fileTime, TICKS_PER_SECOND) * 100);
      return;
    }
    long seconds = fileTime / TICKS_PER_SECOND;
    int ticks = (int) (fileTime - seconds * TICKS_PER_SECOND);
    writeIso7(out, seconds - EPOCH_DIFF_SECONDS, ticks * 100);
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  /**
   * Parses ISO-8601 text as found in forwarded events ({@code 2021-11-19T16:52:33.8337335Z}); null
   * if not a time.
   */
  static Instant parseIso(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
