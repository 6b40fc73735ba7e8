package org.mapiscope.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Time as every output writes it: ISO-8601 UTC, fractional seconds only when non-zero
 * (docs/contract.md).
 */
public final class TimeFormat {

  private TimeFormat() {}

  /** {@code 2026-11-02T08:15:00Z}; {@code null} for {@code null}. */
  public static String instant(Instant t) {
    // ISO_INSTANT prints the fraction only when it is non-zero, in groups of three digits.
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
  }
}
