package org.mapiscope.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capture times written into file names by collection scripts ({@code logons-20261102-0815.csv},
 * {@code netstat_2026-11-02_08-15-30.txt}). Date and time are both required: a date alone would put
 * the capture at midnight and make every logon look hours idle. Read in the run's timezone.
 */
public final class FileNameTimes {

  private FileNameTimes() {}

  private static final Pattern STAMP =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\\d|3[01])[-_T. ]?"
              + "([01]\\d|2[0-3])[-_.:h]?([0-5]\\d)(?:[-_.:m]?([0-5]\\d))?(?!\\d)");

  /** The capture time in the last element of {@code path}, if it carries a date and a time. */
  public static Optional<Instant> find(String path, ZoneId zone) {
    String name = path;
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (cut >= 0) {
      name = name.substring(cut + 1);
    }
    Matcher m = STAMP.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDateTime t =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      return Optional.of(t.atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
