package org.mapiscope.ingest.rca;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the UTC stamps Exchange logs write ({@code 2026-11-02T08:15:00.123Z}) without the
 * general-purpose formatter, which costs more than the rest of an RCA row. Any other ISO shape
 * falls back to {@link OffsetDateTime}. Keeps the last date's epoch day: rows of a log share a day.
 */
final class IsoTime {

  private int lastYmd = -1;
  private long lastEpochDay;

  /** The instant, or {@code null} when {@code s} is not an ISO-8601 time. */
  Instant parse(String s) {
    int n = s.length();
    if (n >= 20
        && s.charAt(n - 1) == 'Z'
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':') {
      int y = digits(s, 0, 4);
      int mo = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      int h = digits(s, 11, 2);
      int mi = digits(s, 14, 2);
      int sec = digits(s, 17, 2);
      long nanos = 0;
      boolean ok =
          y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0
              && mi < 60 && sec >= 0 && sec < 60;
      if (ok && n > 20) {
        ok = s.charAt(19) == '.' && n - 21 <= 9 && n - 21 >= 1;
        for (int i = 20; ok && i < n - 1; i++) {
          char c = s.charAt(i);
          ok = c >= '0' && c <= '9';
          nanos = nanos * 10 + (c - '0');
        }
        for (int i = n - 21; ok && i < 9; i++) {
          nanos *= 10;
        }
      }
      if (ok) {
        long day = epochDay(y, mo, d);
        if (day != Long.MIN_VALUE) {
          return Instant.ofEpochSecond(day * 86_400 + h * 3_600L + mi * 60L + sec, nanos);
        }
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private long epochDay(int y, int mo, int d) {
    int ymd = y * 10_000 + mo * 100 + d;
    if (ymd != lastYmd) {
      try {
        lastEpochDay = java.time.LocalDate.of(y, mo, d).toEpochDay();
      } catch (java.time.DateTimeException e) {
        return Long.MIN_VALUE;
      }
      lastYmd = ymd;
    }
    return lastEpochDay;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
