package org.mapiscope.ingest.snapshot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.mapiscope.ingest.dates.CimDateTime;
import org.mapiscope.ingest.dates.CultureDateResolver;
import org.mapiscope.ingest.dates.CultureDateResolver.Ambiguous;
import org.mapiscope.ingest.dates.CultureDateResolver.Dated;
import org.mapiscope.ingest.dates.CultureDateResolver.Reading;

/**
 * The dates of snapshot columns written by one hand (PowerShell's {@code Export-Csv} in the
 * exporting machine's culture, or a collection script): culture dates through the one {@link
 * CultureDateResolver}, local times in the run's timezone; WMI CIM datetimes ({@link CimDateTime})
 * and ISO times with an offset carry their own. Whether day or month comes first is decided from
 * all the column's dates ({@link #observe} every one before the first {@link #parse}); a file that
 * never shows it is read in the common culture of its shape. Not thread-safe.
 */
final class SnapshotDates {

  private final ZoneId zone;
  private final CultureDateResolver cultures = new CultureDateResolver();

  SnapshotDates(ZoneId zone) {
    this.zone = zone;
  }

  /** Learns the file's culture from one date, before any {@link #parse}. */
  void observe(String value) {
    if (value != null && !value.isBlank()) {
      cultures.read(value);
    }
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
      Optional<Instant> cim = CimDateTime.parse(s);
      if (cim.isPresent()) {
        return cim.get();
      }
      Reading reading = cultures.read(s);
      if (reading instanceof Ambiguous undecided) {
        reading = cultures.preferCommon(undecided);
      }
      if (reading instanceof Dated dated) {
        return dated.time().atZone(zone).toInstant();
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
}
