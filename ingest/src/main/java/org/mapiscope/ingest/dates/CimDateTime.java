package org.mapiscope.ingest.dates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WMI CIM datetimes ({@code 20050614093012.000000+060}: local time, microseconds, and the offset
 * from UTC in minutes), as {@code Get-WmiObject | Export-Csv} writes them. They carry their own
 * offset, so they need neither a culture nor a zone. Stateless and thread-safe.
 */
public final class CimDateTime {

  private static final Pattern CIM =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6})([+-])(\\d{3})");

  private CimDateTime() {}

  /**
   * The instant, or empty when the text is not shaped like a CIM datetime.
   *
   * @throws java.time.DateTimeException when it is shaped like one but names no real time
   */
  public static Optional<Instant> parse(String text) {
    Matcher m = CIM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    LocalDateTime t =
        LocalDateTime.of(
            num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), num(m, 7) * 1000);
    int minutes = num(m, 9) * (m.group(8).equals("-") ? -1 : 1);
    return Optional.of(t.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60)));
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
