package org.mapiscope.ingest.rca;

import java.nio.charset.StandardCharsets;
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
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /**
   * The instant of bytes {@code from..to} (ASCII or UTF-8), or {@code null} when they are not an
   * ISO-8601 time.
   */
  Instant parse(byte[] s, int from, int to) {
    int n = to - from;
    if (n >= 20
        && s[to - 1] == 'Z'
        && s[from + 4] == '-'
        && s[from + 7] == '-'
        && s[from + 10] == 'T'
        && s[from + 13] == ':'
        && s[from + 16] == ':') {
      int y = digits(s, from, 4);
      int mo = digits(s, from + 5, 2);
      int d = digits(s, from + 8, 2);
      int h = digits(s, from + 11, 2);
      int mi = digits(s, from + 14, 2);
      int sec = digits(s, from + 17, 2);
      long nanos = 0;
      boolean ok =
          y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0
              && mi < 60 && sec >= 0 && sec < 60;
      if (ok && n > 20) {
        ok = s[from + 19] == '.' && n - 21 <= 9 && n - 21 >= 1;
        for (int i = from + 20; ok && i < to - 1; i++) {
          byte c = s[i];
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
      return OffsetDateTime.parse(new String(s, from, n, StandardCharsets.UTF_8)).toInstant();
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

  private static int digits(byte[] s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      byte c = s[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
